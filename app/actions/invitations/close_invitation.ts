import db from '@adonisjs/lucid/services/db'
import TeamInvitation from '#models/team_invitation'

/**
 * Closes an open invitation without a seat: the invitee declines it, or
 * its inviter or a team admin withdraws it (who may is InvitationPolicy's
 * call). The row lock makes an answer and a withdrawal exclusive.
 */
export default class CloseInvitation {
  static async handle(invitation: TeamInvitation, status: 'DECLINED' | 'WITHDRAWN') {
    const closed = await db.transaction(async (trx) => {
      const open = await TeamInvitation.lockPending(trx, invitation.id)
      await open.close(status)
      return open
    })
    invitation.merge({ status: closed.status, respondedAt: closed.respondedAt })
    return invitation
  }
}
