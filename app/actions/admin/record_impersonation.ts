import db from '@adonisjs/lucid/services/db'
import AuditLog, { type AuditActor } from '#models/audit_log'
import type User from '#models/user'

/**
 * Impersonation's audit trail: who acted as whom, from when to when. The
 * session switch itself is the controller's (it owns the session).
 */
export default class RecordImpersonation {
  static started(actor: AuditActor, member: User) {
    return this.#record(actor, member, 'impersonation.started')
  }

  static stopped(actor: AuditActor, member: User) {
    return this.#record(actor, member, 'impersonation.stopped')
  }

  static #record(actor: AuditActor, member: User, action: string) {
    return db.transaction((trx) =>
      AuditLog.record(
        actor,
        {
          action,
          subject: { type: 'user', id: member.id },
          data: {
            admin: { id: actor.user.id, username: actor.user.username },
            member: { id: member.id, username: member.username },
          },
        },
        trx
      )
    )
  }
}
