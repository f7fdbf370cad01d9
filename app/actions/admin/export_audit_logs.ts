import AuditLog from '#models/audit_log'
import type { AuditFilters } from '#validators/admin'
import { csvDocument, keysetBatches, type CsvValue } from '#services/csv'

const HEADER = ['Id', 'Time (UTC)', 'Actor', 'Action', 'Subject type', 'Subject id', 'Data', 'IP']
const BATCH = 1000

type Filters = Omit<AuditFilters, 'page' | 'limit'>

/**
 * The audit log (I6) as CSV, with the page's filters, newest first: entries
 * in keyset batches on (created_at, id) along `AuditLog.search`, so the
 * export streams the whole log in constant memory.
 */
export default class ExportAuditLogs {
  static handle(filters: Filters): AsyncGenerator<string> {
    return csvDocument(HEADER, ExportAuditLogs.rows(filters))
  }

  /**
   * The filtered entries, newest first, `size` at a time: each batch starts
   * below the last entry of the one before.
   */
  static batches(filters: Filters, size = BATCH): AsyncGenerator<AuditLog[]> {
    return keysetBatches<AuditLog>(size, (after, limit) =>
      AuditLog.search(filters, after && { key: after.$extras.search_key, id: after.id })
        .select('*')
        .select(AuditLog.searchKey())
        .limit(limit)
    )
  }

  private static async *rows(filters: Filters): AsyncGenerator<CsvValue[]> {
    for await (const entries of ExportAuditLogs.batches(filters)) {
      for (const entry of entries) {
        yield [
          entry.id,
          entry.createdAt.toUTC().toISO(),
          entry.actor?.username ?? '',
          entry.action,
          entry.subjectType ?? '',
          entry.subjectId ?? '',
          JSON.stringify(entry.data ?? {}),
          entry.ip ?? '',
        ]
      }
    }
  }
}
