import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Tag from '#models/tag'

/**
 * Deletes a tag no bounty carries (I5); one in use is merged instead.
 * Checked under the tag's row lock: tagging a bounty takes a key-share
 * lock on the tag (the foreign key), so it waits for this check or this
 * check waits for it, and no bounty loses a tag it was just given.
 */
export default class DeleteTag {
  static async handle(actor: AuditActor, tag: Tag) {
    await db.transaction(async (trx) => {
      const locked = await Tag.query({ client: trx }).where('id', tag.id).forUpdate().firstOrFail()
      const used = await trx.from('bounty_tags').where('tag_id', locked.id).first()
      if (used) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `“${locked.name}” is on bounties: merge it into another tag instead`
        )
      }
      await locked.useTransaction(trx).delete()
      await AuditLog.record(
        actor,
        {
          action: 'tag.deleted',
          subject: { type: 'tag', id: locked.id },
          data: { before: { name: locked.name, color: locked.color }, after: null },
        },
        trx
      )
    })
  }
}
