import db from '@adonisjs/lucid/services/db'
import AuditLog, { type AuditActor } from '#models/audit_log'
import SendEmailVerification from '#actions/auth/send_email_verification'
import type User from '#models/user'

/**
 * Sends an unverified member a new verification link on an admin's request;
 * the mail job is queued in the same transaction as the audit entry.
 */
export default class ResendVerification {
  static async handle(actor: AuditActor, member: User) {
    await db.transaction(async (trx) => {
      await SendEmailVerification.handle(member, trx)
      await AuditLog.record(
        actor,
        {
          action: 'user.verification_resent',
          subject: { type: 'user', id: member.id },
          data: { email: member.email },
        },
        trx
      )
    })
  }
}
