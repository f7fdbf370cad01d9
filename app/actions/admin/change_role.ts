import db from '@adonisjs/lucid/services/db'
import AuditLog, { type AuditActor } from '#models/audit_log'
import User from '#models/user'
import LiveAccess from '#services/live_access'
import { DomainError } from '#exceptions/domain_error'
import type { UserRole } from '#enums/user_role'

/**
 * Gives a member another role (I2). Corps always keeps one active Leader:
 * demoting the last one is refused under the lock of every Leader row.
 */
export default class ChangeRole {
  static async handle(actor: AuditActor, member: User, role: UserRole) {
    return db.transaction(async (trx) => {
      const admins = await User.lockActiveAdminIds(trx)
      const locked = await User.query({ client: trx })
        .where('id', member.id)
        .forUpdate()
        .firstOrFail()
      const before = locked.role
      if (before === role) return locked
      if (before === 'OYAKATASAMA' && admins.length === 1 && admins[0] === locked.id) {
        throw new DomainError('LAST_ADMIN', 'Corps needs at least one active Leader.', {
          field: 'role',
        })
      }
      locked.role = role
      await locked.save()
      await AuditLog.record(
        actor,
        {
          action: 'user.role_changed',
          subject: { type: 'user', id: locked.id },
          data: { before: { role: before }, after: { role } },
        },
        trx
      )
      LiveAccess.memberChanged(locked.id, { trx })
      return locked
    })
  }
}
