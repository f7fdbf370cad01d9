import Transaction, { type TransactionFilters } from '#models/transaction'
import type User from '#models/user'
import { csvDocument, type CsvValue } from '#services/csv'

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
  static handle(user: User, filters: TransactionFilters): AsyncGenerator<string> {
    return csvDocument(HEADER, ExportTransactions.rows(user, filters))
  }

  private static async *rows(user: User, filters: TransactionFilters): AsyncGenerator<CsvValue[]> {
    for (let page = 1; ; page++) {
      const rows = await Transaction.historyOf(user, filters).forPage(page, BATCH)
      for (const row of rows) {
        yield [
          row.createdAt.toUTC().toFormat('yyyy-LL-dd HH:mm:ss'),
          row.type,
          row.status,
          row.signedAmount.toString(),
          row.balanceBefore.toString(),
          row.balanceAfter.toString(),
          row.description,
          row.bountyId ?? '',
          row.id,
        ]
      }
      if (rows.length < BATCH) return
    }
  }
}
