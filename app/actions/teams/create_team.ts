import type { Infer } from '@vinejs/vine/types'
import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import type User from '#models/user'
import type { createTeamValidator } from '#validators/team'

export type CreateTeamData = Infer<typeof createTeamValidator>

/**
 * Starts a team (F1): its creator is its first member and its ADMIN, and
 * it gets a fresh access code to share.
 */
export default class CreateTeam {
  static async handle(creator: User, data: CreateTeamData) {
    const team = await db.transaction(async (trx) => {
      const created = await Team.withFreshCode(trx, (accessCode, client) =>
        Team.create(
          {
            name: data.name,
            description: data.description ?? null,
            isPrivate: data.isPrivate ?? true,
            maxMembers: data.maxMembers ?? 20,
            timezone: data.timezone ?? 'UTC',
            allowMemberInvite: data.allowMemberInvite ?? false,
            accessCode,
            memberCount: 1,
            createdBy: creator.id,
          },
          { client }
        )
      )
      await TeamMembership.create(
        { teamId: created.id, userId: creator.id, role: 'ADMIN' },
        { client: trx }
      )
      return created
    })
    return Team.findForMemberOrFail(creator, team.id)
  }
}
