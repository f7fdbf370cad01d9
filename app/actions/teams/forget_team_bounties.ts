import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Notification from '#models/notification'
import { broadcastUnreadCount } from '#services/broadcast'

/**
 * What a member keeps of a team's bounties once they are no longer in the
 * team (F2: they left or were removed): nothing. Their notifications about
 * those bounties go, so their titles no longer show in the notification
 * centre, and so do their watch levels on them. Leaders keep theirs, since
 * they still see every team bounty. Call it in the transaction that ends
 * the membership; the bell count on their open pages follows on commit.
 */
export default class ForgetTeamBounties {
  static async handle(
    member: { id: string; isAdmin: boolean },
    teamId: string,
    trx?: TransactionClientContract
  ) {
    if (member.isAdmin) return
    const client = trx ?? db.connection()
    const teamBounties = () => client.from('bounties').where('team_id', teamId)
    const forgotten = await client
      .from('notifications')
      .where('user_id', member.id)
      .whereIn(db.raw(`data->>'bountyId'`), teamBounties().select(db.raw('id::text')))
      .delete()
    await client
      .from('bounty_watchers')
      .where('user_id', member.id)
      .whereIn('bounty_id', teamBounties().select('id'))
      .delete()
    if (Number(forgotten) === 0) return
    const announce = async () => {
      broadcastUnreadCount(member.id, await Notification.unreadCountOf(member.id))
    }
    if (trx) trx.after('commit', announce)
    else await announce()
  }
}
