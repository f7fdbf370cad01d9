import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Tag from '#models/tag'

/**
 * Renames and/or recolours a tag (I5), audited with before and after. A
 * name another tag already has (in any case) is refused: merge them
 * instead.
 */
export default class UpdateTag {
  static async handle(actor: AuditActor, tag: Tag, data: { name?: string; color?: string }) {
    return db.transaction(async (trx) => {
      const locked = await Tag.query({ client: trx }).where('id', tag.id).forUpdate().firstOrFail()
      const before = { name: locked.name, color: locked.color }
      if (data.name && data.name.toLowerCase() !== locked.name.toLowerCase()) {
        const taken = await Tag.query({ client: trx })
          .whereRaw('lower(name) = ?', [data.name.toLowerCase()])
          .first()
        if (taken) {
          throw new DomainError(
            'INVALID_TRANSITION',
            `A tag named “${taken.name}” exists already: merge the two instead`,
            { field: 'name' }
          )
        }
      }
      locked.merge({
        name: data.name ?? locked.name,
        color: data.color?.toUpperCase() ?? locked.color,
      })
      await locked.useTransaction(trx).save()
      await AuditLog.recordChange(
        actor,
        'tag.updated',
        { type: 'tag', id: locked.id },
        { before, after: { name: locked.name, color: locked.color } },
        trx
      )
      return locked
    })
  }
}
