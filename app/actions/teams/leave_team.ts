import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import type User from '#models/user'
import LiveAccess from '#services/live_access'
import ForgetTeamBounties from '#actions/teams/forget_team_bounties'
import { announceMember } from '#actions/teams/announce'

/**
 * A member leaves a team. A team always keeps an admin: the last one hands
 * the role over first, and a sole member deletes the team instead, so no
 * team is ever left empty or without someone to run it.
 */
export default class LeaveTeam {
  static async handle(user: User, team: Team) {
    await db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      const membership = await locked.membershipOf(user.id, trx)
      if (!membership) throw new DomainError('NOT_FOUND', 'You are not a member of this team')
      if (membership.isAdmin && locked.memberCount <= 1) {
        throw new DomainError(
          'INVALID_TRANSITION',
          'You are the only member of this team: delete the team instead of leaving it'
        )
      }
      if (membership.isAdmin && (await locked.adminCount()) <= 1) {
        throw new DomainError(
          'INVALID_TRANSITION',
          'You are the last admin of this team: make another member an admin, or delete the team'
        )
      }
      await locked.dropMember(membership)
      await ForgetTeamBounties.handle(user, team.id, trx)
    })
    LiveAccess.memberChanged(user.id)
    announceMember(team.id, 'member.left', user)
  }
}
