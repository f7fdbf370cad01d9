import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import TeamInvitation from '#models/team_invitation'
import type User from '#models/user'
import JoinTeam from '#actions/teams/join_team'
import { announceMember } from '#actions/teams/announce'

/**
 * The invitee accepts: they take a seat exactly as a code join does, under
 * the team row's lock (JoinTeam.takeSeat), so of an accept and a join
 * racing for the last seat one wins and the other hears `TEAM_FULL`. A full
 * team leaves the invitation open, to accept once a seat frees up.
 */
export default class AcceptInvitation {
  static async handle(user: User, invitation: TeamInvitation) {
    await db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, invitation.teamId)
      await TeamInvitation.lockPending(trx, invitation.id)
      await JoinTeam.takeSeat(locked, user)
    })
    announceMember(invitation.teamId, 'member.joined', user)
    return TeamInvitation.findForInviteeOrFail(user.id, invitation.id)
  }
}
