import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import AuditLog, { type AuditActor } from '#models/audit_log'
import type Badge from '#models/badge'
import SaveBadge from '#actions/badges/save_badge'

/**
 * A Leader takes back a badge given by hand (E2, I5); the member is not
 * notified. The audit entry keeps when it had been granted and by whom.
 */
export default class RevokeBadge {
  static async handle(actor: AuditActor, badge: Badge, userId: string) {
    return db.transaction(async (trx) => {
      const locked = await SaveBadge.lock(trx, badge)
      SaveBadge.assertByHand(locked, 'revoked')
      const { rows } = await trx.rawQuery<{
        rows: { awarded_at: Date; granted_by: string | null; username: string }[]
      }>(
        `DELETE FROM member_badges
          USING users
          WHERE member_badges.badge_id = ? AND member_badges.user_id = ?
            AND users.id = member_badges.user_id
         RETURNING member_badges.awarded_at, member_badges.granted_by, users.username`,
        [locked.id, userId]
      )
      if (!rows.length) {
        throw new DomainError('NOT_FOUND', `This member does not hold “${locked.name}”`)
      }
      await AuditLog.record(
        actor,
        {
          action: 'badge.revoked',
          subject: { type: 'badge', id: locked.id },
          data: {
            badge: locked.code,
            userId,
            username: rows[0].username,
            awardedAt: rows[0].awarded_at.toISOString(),
            grantedBy: rows[0].granted_by,
          },
        },
        trx
      )
      return rows[0].username
    })
  }
}
