import { test } from '@japa/runner'
import { CSV_BOM, csvCell, csvDocument, csvLine, keysetBatches } from '#services/csv'

async function collect<T>(items: AsyncIterable<T>) {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

test.group('CSV writer', () => {
  test('quotes every cell and doubles quotes inside', ({ assert }) => {
    assert.equal(csvCell('plain'), '"plain"')
    assert.equal(csvCell('say "hi"'), '"say ""hi"""')
    assert.equal(csvCell('a,b'), '"a,b"')
    assert.equal(csvCell('two\nlines\r\n'), '"two\nlines\r\n"')
    assert.equal(csvCell(null), '""')
    assert.equal(csvCell(undefined), '""')
    assert.equal(csvCell(42), '"42"')
  })

  test('defuses cells a spreadsheet would run as a formula', ({ assert }) => {
    assert.equal(csvCell('=SUM(A1:A2)'), `"'=SUM(A1:A2)"`)
    assert.equal(csvCell('+1+1'), `"'+1+1"`)
    assert.equal(csvCell('-1+cmd|x'), `"'-1+cmd|x"`)
    assert.equal(csvCell('@SUM(1)'), `"'@SUM(1)"`)
    assert.equal(csvCell('\t=1'), `"'\t=1"`)
    assert.equal(csvCell('\r=1'), `"'\r=1"`)
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`)
  })

  test('keeps negative amounts as numbers', ({ assert }) => {
    assert.equal(csvCell('-1.50'), '"-1.50"')
    assert.equal(csvCell('-3'), '"-3"')
    assert.equal(csvCell(-2), '"-2"')
  })

  test('a document starts with a byte order mark and ends lines with CRLF', async ({ assert }) => {
    async function* rows() {
      yield ['1', 'café ☕']
      yield ['2', '=x']
    }
    const lines = await collect(csvDocument(['Id', 'Name'], rows()))
    assert.deepEqual(lines, [`${CSV_BOM}"Id","Name"\r\n`, '"1","café ☕"\r\n', `"2","'=x"\r\n`])
    assert.equal(csvLine(['a', 'b']), '"a","b"\r\n')
  })

  test('keyset batches ask for the rows after the last one of each batch', async ({ assert }) => {
    const all = Array.from({ length: 7 }, (_, index) => index + 1)
    const asked: (number | null)[] = []
    const batches = await collect(
      keysetBatches<number>(3, async (after, size) => {
        asked.push(after)
        return all.filter((row) => row > (after ?? 0)).slice(0, size)
      })
    )
    assert.deepEqual(batches, [[1, 2, 3], [4, 5, 6], [7]])
    assert.deepEqual(asked, [null, 3, 6])
  })
})
