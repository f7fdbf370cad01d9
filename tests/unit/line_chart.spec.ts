import { test } from '@japa/runner'
import { lineChart } from '#charts/line_chart'

const format = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`

test.group('lineChart', () => {
  test('places the lowest value (or zero) at the bottom and the highest at the top', ({
    assert,
  }) => {
    const chart = lineChart(
      [
        { label: 'Mon', value: 0n },
        { label: 'Tue', value: 10000n },
        { label: 'Wed', value: 6975n },
      ],
      format
    )
    assert.equal(chart.line, 'M0 150 L320 10 L640 52.4')
    assert.equal(chart.area, `${chart.line} L640 150 L0 150 Z`)
    assert.deepEqual(chart.gridlines, [
      { y: 150, label: '0.00', edge: 'bottom' },
      { y: 10, label: '100.00', edge: 'top' },
    ])
    assert.deepEqual(chart.xLabels, ['Mon', 'Wed'])
    assert.equal(chart.summary, 'From 0.00 on Mon to 69.75 on Wed; highest 100.00, lowest 0.00.')
    assert.deepEqual(chart.points[2], { label: 'Wed', value: '69.75' })
  })

  test('a flat line and a single point stay inside the frame', ({ assert }) => {
    const flat = lineChart(
      [
        { label: 'a', value: 500n },
        { label: 'b', value: 500n },
      ],
      format
    )
    assert.equal(flat.line, 'M0 10 L640 10')
    const single = lineChart([{ label: 'only', value: 0n }], format)
    assert.equal(single.line, 'M640 150')
    assert.deepEqual(single.xLabels, ['only'])
    assert.lengthOf(single.gridlines, 1)
    assert.throws(() => lineChart([], format), 'at least one point')
  })
})
