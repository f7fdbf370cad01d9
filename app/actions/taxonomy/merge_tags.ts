import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Tag from '#models/tag'

/**
 * Folds `source` into `target` (I5) in one transaction: every bounty
 * tagged with the source carries the target instead (once, when it had
 * both), members watching the source watch the target (keeping their
 * level for the target when they watched both), and the source is gone.
 * Both rows are locked in id order, so two merges of the same pair in
 * opposite directions cannot deadlock; the second finds its tag gone.
 */
export default class MergeTags {
  static async handle(actor: AuditActor, sourceId: string, targetId: string) {
    if (sourceId === targetId) {
      throw new DomainError('INVALID_TRANSITION', 'Choose two different tags to merge', {
        field: 'targetId',
      })
    }
    return db.transaction(async (trx) => {
      const locked = await Tag.query({ client: trx })
        .whereIn('id', [sourceId, targetId])
        .orderBy('id')
        .forUpdate()
      const source = locked.find((tag) => tag.id === sourceId)
      const target = locked.find((tag) => tag.id === targetId)
      if (!source || !target) {
        throw new DomainError('NOT_FOUND', 'One of these tags no longer exists', {
          field: source ? 'targetId' : 'sourceId',
        })
      }
      const moved = await trx.rawQuery<{ rowCount: number }>(
        `INSERT INTO bounty_tags (bounty_id, tag_id)
           SELECT bounty_id, ? FROM bounty_tags WHERE tag_id = ?
         ON CONFLICT DO NOTHING`,
        [target.id, source.id]
      )
      const watchers = await trx.rawQuery<{ rowCount: number }>(
        `INSERT INTO tag_watchers (tag_id, user_id, level, created_at)
           SELECT ?, user_id, level, created_at FROM tag_watchers WHERE tag_id = ?
         ON CONFLICT DO NOTHING`,
        [target.id, source.id]
      )
      await trx.from('bounty_tags').where('tag_id', source.id).delete()
      await trx.from('tag_watchers').where('tag_id', source.id).delete()
      await source.useTransaction(trx).delete()
      await AuditLog.record(
        actor,
        {
          action: 'tag.merged',
          subject: { type: 'tag', id: target.id },
          data: {
            before: { source: { id: source.id, name: source.name }, target: target.name },
            after: { target: target.name },
            bountiesRetagged: moved.rowCount,
            watchersMoved: watchers.rowCount,
          },
        },
        trx
      )
      return { source, target }
    })
  }
}
