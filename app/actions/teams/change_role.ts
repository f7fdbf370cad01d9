import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import type TeamMembership from '#models/team_membership'
import type { TeamRole } from '#enums/team'

/**
 * A team admin gives a member another role. The last admin cannot be
 * demoted, by themselves or anyone: a team always has someone to run it.
 */
export default class ChangeRole {
  static async handle(team: Team, target: TeamMembership, role: TeamRole) {
    return db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      const membership = await locked.membershipOf(target.userId, trx)
      if (!membership) {
        throw new DomainError('NOT_FOUND', 'This member is no longer in the team')
      }
      if (membership.isAdmin && role !== 'ADMIN' && (await locked.adminCount()) <= 1) {
        throw new DomainError(
          'INVALID_TRANSITION',
          'This is the last admin of the team: make another member an admin first',
          { field: 'role' }
        )
      }
      membership.role = role
      await membership.useTransaction(trx).save()
      return membership
    })
  }
}
