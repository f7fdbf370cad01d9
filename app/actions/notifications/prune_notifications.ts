import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'

export type PruneProgress = { kind: 'expired' | 'read'; deleted: number }

const PRUNABLE = {
  expired: { where: 'expires_at <= now()', bindings: () => [] },
  read: { where: 'read_at < ?', bindings: (readBefore: DateTime) => [readBefore.toISO()!] },
}

/**
 * Deletes expired notifications and read ones older than `readBefore`, in
 * batches, so a large backlog never holds long locks or one huge
 * transaction (each batch commits on its own).
 */
export default class PruneNotifications {
  static async handle(options: {
    readBefore: DateTime
    batchSize?: number
    onProgress?: (progress: PruneProgress) => void
  }) {
    const batchSize = options.batchSize ?? 5000
    const deleted = { expired: 0, read: 0 }
    for (const kind of ['expired', 'read'] as const) {
      const { where, bindings } = PRUNABLE[kind]
      for (;;) {
        const result = await db.rawQuery(
          `DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE ${where} LIMIT ?)`,
          [...bindings(options.readBefore), batchSize]
        )
        deleted[kind] += result.rowCount
        if (result.rowCount > 0) options.onProgress?.({ kind, deleted: deleted[kind] })
        if (result.rowCount < batchSize) break
      }
    }
    return deleted
  }
}
