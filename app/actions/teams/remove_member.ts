import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import type TeamMembership from '#models/team_membership'
import LiveAccess from '#services/live_access'
import ForgetTeamBounties from '#actions/teams/forget_team_bounties'
import { announceMember } from '#actions/teams/announce'

/**
 * An admin or moderator takes a member out of the team (TeamPolicy says
 * who may remove whom). Their access to the team's channels and team-only
 * bounties ends with the commit.
 */
export default class RemoveMember {
  static async handle(team: Team, target: TeamMembership) {
    await db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      const membership = await locked.membershipOf(target.userId, trx)
      if (!membership) {
        throw new DomainError('NOT_FOUND', 'This member is no longer in the team')
      }
      // The policy judged the role read before the lock; a promotion since
      // (a member made admin) could change its answer.
      if (membership.role !== target.role) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `@${target.user.username}’s role changed meanwhile: look again before removing them`
        )
      }
      await locked.dropMember(membership)
      await ForgetTeamBounties.handle(target.user, team.id, trx)
    })
    LiveAccess.memberChanged(target.userId)
    announceMember(team.id, 'member.left', target.user)
  }
}
