import db from '@adonisjs/lucid/services/db'
import AuditLog, { type AuditActor } from '#models/audit_log'
import User from '#models/user'
import UserSession from '#models/user_session'
import { DomainError } from '#exceptions/domain_error'
import { INACTIVE_ACCOUNT_MESSAGE } from '#actions/auth/authenticate_user'

/**
 * Deactivates or reactivates a member (I2). Deactivating ends at once every
 * way they are signed in: browser sessions (each left with a message saying
 * why), remember-me tokens, API tokens, and (after the commit) the live
 * streams those opened. Reactivating gives
 * nothing back: they sign in again. The last active Leader stays active.
 */
export default class SetActivation {
  static async handle(actor: AuditActor, member: User, active: boolean) {
    return db.transaction(async (trx) => {
      const admins = await User.lockActiveAdminIds(trx)
      const locked = await User.query({ client: trx })
        .where('id', member.id)
        .forUpdate()
        .firstOrFail()
      if (locked.isActive === active) return locked
      if (!active && admins.length === 1 && admins[0] === locked.id) {
        throw new DomainError('LAST_ADMIN', 'Corps needs at least one active Leader.', {
          field: 'active',
        })
      }
      locked.isActive = active
      await locked.save()
      if (!active) {
        await UserSession.signOutAllOf(locked.id, INACTIVE_ACCOUNT_MESSAGE, trx)
        await trx.from('auth_access_tokens').where('tokenable_id', locked.id).delete()
      }
      await AuditLog.record(
        actor,
        {
          action: active ? 'user.reactivated' : 'user.deactivated',
          subject: { type: 'user', id: locked.id },
          data: { before: { active: !active }, after: { active } },
        },
        trx
      )
      return locked
    })
  }
}
