import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Notification from '#models/notification'
import User from '#models/user'
import DigestMailJob from '#jobs/digest_mail_job'

/**
 * The digest for absent members (K10): one email per member with the unread
 * notifications they missed, that is those that arrived after they were last
 * seen (sessions.last_seen_at) and were not emailed already. Members who
 * turned emails off get none. Each notification is digested once: it is
 * marked emailed in the transaction that owes the member's digest mail
 * (DigestMailJob), so a crash neither loses that mail nor sends it twice,
 * and a run overlapping another (the schedule and a run by hand) skips
 * what the other marked: the row locks make it wait, then see the mark.
 */
export default class SendNotificationDigests {
  static async handle(options: {
    since: DateTime
    onProgress?: (progress: { members: number; notifications: number }) => void
  }) {
    const missed = await Notification.query()
      .whereNull('notifications.read_at')
      .whereNull('notifications.emailed_at')
      .where('notifications.created_at', '>=', options.since.toISO()!)
      .withScopes((scopes) => scopes.current())
      .join('users', 'users.id', 'notifications.user_id')
      .whereNull('users.deleted_at')
      .where('users.is_active', true)
      .whereNotExists((settings) =>
        settings
          .from('user_settings')
          .whereColumn('user_settings.user_id', 'users.id')
          .where('user_settings.email_notifications', false)
      )
      .whereNotExists((seen) =>
        seen
          .from('sessions')
          .whereRaw('sessions.user_id = users.id::text')
          .whereColumn('sessions.last_seen_at', '>=', 'notifications.created_at')
      )
      .select('notifications.*')
      .orderBy('notifications.user_id')
      .orderBy('notifications.created_at', 'desc')

    const byMember = Map.groupBy(missed, (notification) => notification.userId)
    const members = await User.query().whereIn('id', [...byMember.keys()])
    let sent = { members: 0, notifications: 0 }

    for (const member of members) {
      const notifications = byMember.get(member.id)!
      const digested = await db.transaction(async (trx) => {
        const marked: { id: string }[] = await trx
          .from(Notification.table)
          .whereIn(
            'id',
            notifications.map((notification) => notification.id)
          )
          .whereNull('emailed_at')
          .update({ emailed_at: new Date() })
          .returning('id')
        const notificationIds = marked.map(({ id }) => id)
        if (notificationIds.length) {
          await DigestMailJob.push({ userId: member.id, notificationIds }, trx)
        }
        return notificationIds.length
      })
      if (!digested) continue
      sent = { members: sent.members + 1, notifications: sent.notifications + digested }
      options.onProgress?.(sent)
    }
    return sent
  }
}
