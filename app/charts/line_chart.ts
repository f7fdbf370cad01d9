/**
 * A line chart drawn on the server as SVG geometry (no script, nothing
 * inline that the content policy would block): what
 * resources/views/components/line_chart.edge renders. The SVG stretches to
 * the page's width at a fixed height (so its labels are HTML, which keeps
 * them readable on a phone); gridlines sit at the lowest value (or zero)
 * and the highest.
 *
 * Values are exact integers (money in cents); they become numbers only to
 * place pixels, and every label comes from the caller's `format`, so no
 * amount is ever computed in floating point.
 */
export type ChartPoint = { label: string; value: bigint }

export type LineChart = {
  width: number
  height: number
  line: string
  area: string
  gridlines: { y: number; label: string; edge: 'top' | 'bottom' }[]
  xLabels: string[]
  points: { label: string; value: string }[]
  summary: string
}

// Kept in step with .chart__svg and .chart__grid-label in public/css/app.css.
const WIDTH = 640
const HEIGHT = 160
const LEFT = 0
const RIGHT = 0
const TOP = 10
const BOTTOM = 10

/**
 * The drawing area every server-drawn chart shares, so they all fit the
 * same CSS.
 */
export const CHART_FRAME = { width: WIDTH, height: HEIGHT, top: TOP, bottom: BOTTOM }

export function lineChart(
  points: ChartPoint[],
  format: (value: bigint) => string,
  describe: (value: string) => string = (value) => value
): LineChart {
  if (!points.length) throw new RangeError('A line chart needs at least one point')
  const values = points.map(({ value }) => value)
  const low = values.reduce((min, value) => (value < min ? value : min), 0n)
  const highest = values.reduce((max, value) => (value > max ? value : max), values[0])
  const high = highest > low ? highest : low + 1n
  const plotWidth = WIDTH - LEFT - RIGHT
  const plotHeight = HEIGHT - TOP - BOTTOM
  const x = (index: number) =>
    round(LEFT + (points.length === 1 ? plotWidth : (plotWidth * index) / (points.length - 1)))
  const y = (value: bigint) =>
    round(TOP + plotHeight - (plotHeight * Number(value - low)) / Number(high - low))

  const coordinates = points.map((point, index) => [x(index), y(point.value)] as const)
  const line = coordinates.map(([px, py], index) => `${index ? 'L' : 'M'}${px} ${py}`).join(' ')
  const baseline = y(low)
  const [firstX] = coordinates[0]
  const [lastX] = coordinates[coordinates.length - 1]
  const first = points[0]
  const final = points[points.length - 1]
  return {
    width: WIDTH,
    height: HEIGHT,
    line,
    area: `${line} L${lastX} ${baseline} L${firstX} ${baseline} Z`,
    gridlines: [
      { y: y(low), label: format(low), edge: 'bottom' as const },
      ...(highest > low ? [{ y: y(highest), label: format(highest), edge: 'top' as const }] : []),
    ],
    xLabels: [first, ...(points.length > 1 ? [final] : [])].map(({ label }) => describe(label)),
    points: points.map(({ label, value }) => ({ label: describe(label), value: format(value) })),
    summary:
      `From ${format(first.value)} on ${describe(first.label)} ` +
      `to ${format(final.value)} on ${describe(final.label)}; ` +
      `highest ${format(highest)}, lowest ${format(values.reduce((min, v) => (v < min ? v : min)))}.`,
  }
}

function round(value: number) {
  return Math.round(value * 10) / 10
}
