import Transaction, { type TransactionFilters } from '#models/transaction'
import type User from '#models/user'

const HEADER = [
  'Date (UTC)',
  'Type',
  'Status',
  'Amount',
  'Balance before',
  'Balance after',
  'Description',
  'Bounty',
  'Id',
]
const BATCH = 500

/**
 * A member's history as CSV lines, read in batches so a long history never
 * sits in memory at once.
 */
export default class ExportTransactions {
  static async *handle(user: User, filters: TransactionFilters): AsyncGenerator<string> {
    yield csvLine(HEADER)
    for (let page = 1; ; page++) {
      const rows = await Transaction.historyOf(user, filters).forPage(page, BATCH)
      for (const row of rows) {
        yield csvLine([
          row.createdAt.toUTC().toFormat('yyyy-LL-dd HH:mm:ss'),
          row.type,
          row.status,
          row.signedAmount.toString(),
          row.balanceBefore.toString(),
          row.balanceAfter.toString(),
          row.description,
          row.bountyId ?? '',
          row.id,
        ])
      }
      if (rows.length < BATCH) return
    }
  }
}

function csvLine(cells: string[]) {
  return cells.map(csvCell).join(',') + '\r\n'
}

/**
 * Quotes every cell, and defuses text a spreadsheet would run as a formula
 * (a tip message is free text written by another member).
 */
function csvCell(value: string) {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-\d/.test(value) ? `'${value}` : value
  return `"${safe.replace(/"/g, '""')}"`
}
