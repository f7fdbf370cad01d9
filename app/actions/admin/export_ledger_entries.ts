import db from '@adonisjs/lucid/services/db'
import LedgerEntry, { type LedgerFilters } from '#models/ledger_entry'
import { csvDocument, keysetBatches, type CsvValue } from '#services/csv'

const HEADER = [
  'Entry',
  'Date (UTC)',
  'Kind',
  'Description',
  'Account',
  'Account kind',
  'Member',
  'Amount',
]
const BATCH = 1000

type Entry = { id: string; created_at: Date; kind: string; description: string }
type Posting = {
  entry_id: string
  account_id: string
  kind: string
  code: string | null
  username: string | null
  amount: string
}

/**
 * The ledger explorer's entries (I4) as CSV, one line per posting, with
 * the explorer's filters: entries in keyset batches by id (newest first),
 * each batch's postings in one more query, so a ledger of millions streams
 * in constant memory.
 */
export default class ExportLedgerEntries {
  static handle(filters: LedgerFilters): AsyncGenerator<string> {
    return csvDocument(HEADER, ExportLedgerEntries.rows(filters))
  }

  /**
   * The filtered entries, newest first, `BATCH` at a time: each batch
   * starts below the last id of the one before (an index range read).
   */
  static async *batches(filters: LedgerFilters): AsyncGenerator<Entry[]> {
    const accountIds = await LedgerEntry.accountsNamed(filters)
    yield* keysetBatches<Entry>(BATCH, (after, size) =>
      LedgerEntry.query()
        .withScopes((scopes) =>
          scopes.filtered({ ...filters, before: after?.id ?? filters.before }, accountIds)
        )
        .select('id', 'created_at', 'kind', 'description')
        .orderBy('id', 'desc')
        .limit(size)
        .pojo<Entry>()
    )
  }

  private static async *rows(filters: LedgerFilters): AsyncGenerator<CsvValue[]> {
    const batches = ExportLedgerEntries.batches(filters)
    for await (const entries of batches) {
      const postings = await postingsOf(entries.map((entry) => entry.id))
      for (const entry of entries) {
        for (const posting of postings.get(String(entry.id)) ?? []) {
          yield [
            entry.id,
            new Date(entry.created_at).toISOString(),
            entry.kind,
            entry.description,
            posting.code ?? posting.account_id,
            posting.kind,
            posting.username ?? '',
            posting.amount,
          ]
        }
      }
    }
  }
}

async function postingsOf(entryIds: string[]) {
  const rows: Posting[] = await db
    .from('ledger_postings as p')
    .join('ledger_accounts as a', 'a.id', 'p.account_id')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .whereIn('p.entry_id', entryIds)
    .orderBy('p.entry_id', 'desc')
    .orderBy('p.amount')
    .select('p.entry_id', 'p.account_id', 'a.kind', 'a.code', 'u.username', 'p.amount')
  const byEntry = new Map<string, Posting[]>()
  for (const row of rows) {
    const key = String(row.entry_id)
    byEntry.set(key, [...(byEntry.get(key) ?? []), row])
  }
  return byEntry
}
