import { CHART_FRAME } from '#charts/line_chart'

/**
 * Several lines over the same weeks on one SVG, drawn on the server like
 * app/charts/line_chart.ts and rendered by
 * resources/views/components/series_chart.edge. A missing value is a gap in its line,
 * not a zero; every value is also drawn as a dot so a lone week shows.
 * Counts and scores only: money keeps to line_chart's exact cents.
 */
export type SeriesInput = { name: string; modifier: string; values: (number | null)[] }

export type DrawnSeries = { name: string; modifier: string; line: string; dots: string }

export type SeriesChart = {
  width: number
  height: number
  series: DrawnSeries[]
  gridlines: { y: number; label: string; edge: 'top' | 'bottom' | 'middle' }[]
  xLabels: string[]
  hasData: boolean
}

/**
 * A series chart with the summary screen readers hear and the table that
 * carries every figure, as resources/views/components/series_chart.edge
 * renders it.
 */
export type TabledChart = SeriesChart & {
  summary: string
  columns: string[]
  rows: { week: string; cells: string[] }[]
}

export function seriesChart(
  labels: string[],
  series: SeriesInput[],
  format: (value: number) => string
): SeriesChart {
  const values = series
    .flatMap((line) => line.values)
    .filter((value): value is number => value !== null)
  const lowest = values.length ? Math.min(...values) : 0
  const highest = values.length ? Math.max(...values) : 0
  // One value all along sits mid-chart, not on the chart's floor.
  const flat = highest === lowest
  const low = flat ? lowest - 1 : lowest
  const high = flat ? highest + 1 : highest
  const { width, height, top, bottom } = CHART_FRAME
  const x = (index: number) =>
    round(labels.length === 1 ? width : (width * index) / (labels.length - 1))
  const y = (value: number) =>
    round(top + (height - top - bottom) * (1 - (value - low) / (high - low)))

  return {
    width,
    height,
    series: series.map(({ name, modifier, values: line }) => ({
      name,
      modifier,
      ...paths(line, x, y),
    })),
    gridlines: !values.length
      ? []
      : flat
        ? [{ y: y(lowest), label: format(lowest), edge: 'middle' as const }]
        : [
            { y: y(lowest), label: format(lowest), edge: 'bottom' as const },
            { y: y(highest), label: format(highest), edge: 'top' as const },
          ],
    xLabels: labels.length ? [labels[0], ...(labels.length > 1 ? [labels.at(-1)!] : [])] : [],
    hasData: values.length > 0,
  }
}

/**
 * The line, broken where a week has no value, and a dot per value.
 */
function paths(
  values: (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number
) {
  const line: string[] = []
  const dots: string[] = []
  values.forEach((value, index) => {
    if (value === null) return
    const point = `${x(index)} ${y(value)}`
    line.push(`${index && values[index - 1] !== null ? 'L' : 'M'}${point}`)
    dots.push(`M${point} L${point}`)
  })
  return { line: line.join(' '), dots: dots.join(' ') }
}

function round(value: number) {
  return Math.round(value * 10) / 10
}
