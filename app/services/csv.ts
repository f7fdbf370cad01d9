import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * The one CSV writer of Corps (wallet history, admin exports). Every cell
 * is quoted; the document starts with a UTF-8 byte order mark so that
 * spreadsheets read accents and emoji as UTF-8 instead of guessing a
 * legacy code page; lines end with CRLF (RFC 4180).
 */
export const CSV_BOM = '\uFEFF'

export type CsvValue = string | number | null | undefined

/**
 * Quotes a cell and defuses text a spreadsheet would run as a formula
 * (cells starting with = + - @, a tab or a carriage return, RFC 4180 and
 * OWASP's CSV injection advice): free text comes from members. A negative
 * number stays a number.
 */
export function csvCell(value: CsvValue) {
  const text = value === null || value === undefined ? '' : String(value)
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text) ? `'${text}` : text
  return `"${safe.replace(/"/g, '""')}"`
}

export function csvLine(cells: CsvValue[]) {
  return cells.map(csvCell).join(',') + '\r\n'
}

/**
 * A whole document, line by line: the header (after the byte order mark),
 * then one line per row as `rows` yields them, so a long export is never
 * held in memory.
 */
export async function* csvDocument(
  header: string[],
  rows: AsyncIterable<CsvValue[]>
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(header)
  for await (const row of rows) yield csvLine(row)
}

/**
 * Streams `lines` as a CSV download (chunked: no Content-Length is known
 * in advance).
 */
export function streamCsv(
  response: HttpContext['response'],
  filename: string,
  lines: AsyncIterable<string>
) {
  response.header('Content-Type', 'text/csv; charset=utf-8')
  response.header('Content-Disposition', `attachment; filename="${filename}"`)
  response.stream(Readable.from(lines))
}

/**
 * Where a keyset batch resumes: the last row's sort value as PostgreSQL
 * wrote it (null where the order puts nulls) and its id, the tie-breaker.
 */
export type KeysetPosition = { key: string | null; id: string }

/**
 * Reads a list in keyset batches: `fetch(after)` returns the next `size`
 * rows after `after`, the last row of the previous batch (null for the
 * first), so every batch is an index range read however deep the export
 * goes, and only one batch is in memory at a time.
 */
export async function* keysetBatches<Row>(
  size: number,
  fetch: (after: Row | null, size: number) => Promise<Row[]>
): AsyncGenerator<Row[]> {
  let after: Row | null = null
  for (;;) {
    const rows: Row[] = await fetch(after, size)
    if (rows.length) yield rows
    if (rows.length < size) return
    after = rows[rows.length - 1]
  }
}
