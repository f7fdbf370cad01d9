import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Badge from '#models/badge'

type BadgeData = { code: string; name: string; description: string }

/**
 * The badge catalogue as Leaders change it (E2, I5), each change audited
 * with before and after. Admin-defined badges are created and deleted here;
 * automatic badges, whose criteria live in code, may be renamed and
 * reworded but never deleted.
 */
export default class SaveBadge {
  /**
   * A code another badge has is refused by the unique index, not by a read
   * first, so two Leaders creating the same code at once get one badge.
   */
  static async create(actor: AuditActor, data: BadgeData) {
    return db.transaction(async (trx) => {
      const { rows } = await trx.rawQuery<{ rows: { id: string }[] }>(
        `INSERT INTO badges (code, name, description, is_automatic)
         VALUES (?, ?, ?, false)
         ON CONFLICT (code) DO NOTHING
         RETURNING id`,
        [data.code, data.name, data.description]
      )
      if (!rows.length) {
        throw new DomainError('INVALID_TRANSITION', `Another badge has the code “${data.code}”`, {
          field: 'code',
        })
      }
      const badge = await Badge.findOrFail(rows[0].id, { client: trx })
      await AuditLog.recordChange(
        actor,
        'badge.created',
        { type: 'badge', id: badge.id },
        { before: null, after: SaveBadge.snapshot(badge) },
        trx
      )
      return badge
    })
  }

  static async update(actor: AuditActor, badge: Badge, data: Partial<BadgeData>) {
    return db.transaction(async (trx) => {
      const locked = await SaveBadge.lock(trx, badge)
      const before = SaveBadge.snapshot(locked)
      locked.merge({
        name: data.name ?? locked.name,
        description: data.description ?? locked.description,
      })
      await locked.useTransaction(trx).save()
      await AuditLog.recordChange(
        actor,
        'badge.updated',
        { type: 'badge', id: locked.id },
        { before, after: SaveBadge.snapshot(locked) },
        trx
      )
      return locked
    })
  }

  /**
   * Deletes an admin-defined badge; the members who held it lose it (the
   * audit entry keeps how many).
   */
  static async destroy(actor: AuditActor, badge: Badge) {
    return db.transaction(async (trx) => {
      const locked = await SaveBadge.lock(trx, badge)
      SaveBadge.assertByHand(locked, 'deleted')
      const holders = await trx.from('member_badges').where('badge_id', locked.id).delete()
      await locked.useTransaction(trx).delete()
      await AuditLog.record(
        actor,
        {
          action: 'badge.deleted',
          subject: { type: 'badge', id: locked.id },
          data: { before: SaveBadge.snapshot(locked), after: null, holdersRemoved: holders },
        },
        trx
      )
      return holders
    })
  }

  /**
   * The badge's row, locked, so a grant and a deletion of the same badge
   * happen one after the other.
   */
  static lock(trx: TransactionClientContract, badge: Badge) {
    return Badge.query({ client: trx }).where('id', badge.id).forUpdate().firstOrFail()
  }

  /**
   * Automatic badges follow their criteria only: nobody deletes, grants or
   * revokes them by hand, and a rebuild would recompute them anyway.
   */
  static assertByHand(badge: Badge, verb: 'deleted' | 'granted' | 'revoked') {
    if (badge.isAutomatic) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `“${badge.name}” is automatic: it follows its criteria and cannot be ${verb} by hand`
      )
    }
  }

  private static snapshot(badge: Badge) {
    return {
      code: badge.code,
      name: badge.name,
      description: badge.description,
      automatic: badge.isAutomatic,
    }
  }
}
