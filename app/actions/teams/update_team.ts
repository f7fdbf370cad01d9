import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import type User from '#models/user'
import type { updateTeamValidator } from '#validators/team'
import { announceTeamUpdated } from '#actions/teams/announce'

export type UpdateTeamData = Infer<typeof updateTeamValidator>

/**
 * Changes a team's settings. The member limit never drops below the
 * members it already has: nobody is pushed out by a setting.
 */
export default class UpdateTeam {
  static async handle(actor: User, team: Team, data: UpdateTeamData) {
    await db.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      if (data.maxMembers !== undefined && data.maxMembers < locked.memberCount) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `The team has ${locked.memberCount} members: the limit cannot be lower than that`,
          { field: 'maxMembers' }
        )
      }
      locked.merge({
        ...(data.name !== undefined ? { name: data.name } : {}),
        ...(data.description !== undefined ? { description: data.description } : {}),
        ...(data.isPrivate !== undefined ? { isPrivate: data.isPrivate } : {}),
        ...(data.maxMembers !== undefined ? { maxMembers: data.maxMembers } : {}),
        ...(data.timezone !== undefined ? { timezone: data.timezone } : {}),
        ...(data.allowMemberInvite !== undefined
          ? { allowMemberInvite: data.allowMemberInvite }
          : {}),
      })
      await locked.save()
    })
    const fresh = await Team.findForMemberOrFail(actor, team.id)
    await announceTeamUpdated(fresh)
    return fresh
  }
}
