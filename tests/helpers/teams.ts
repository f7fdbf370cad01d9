import db from '@adonisjs/lucid/services/db'
import { TeamFactory } from '#database/factories/team_factory'
import Team from '#models/team'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'

/**
 * A team with these members in these roles (the first ADMIN is its
 * creator), its member count kept as the actions keep it.
 */
export async function teamWith(
  members: [User, TeamRole][],
  overrides: { maxMembers?: number; name?: string } = {}
) {
  const creator = members.find(([, role]) => role === 'ADMIN')?.[0]
  const team = await TeamFactory.merge({ createdBy: creator?.id ?? null, ...overrides }).create()
  await db.transaction(async (trx) => {
    const locked = await Team.lockForUpdate(trx, team.id)
    for (const [user, role] of members) await locked.addMember(user.id, role)
  })
  return Team.findOrFail(team.id)
}

export async function roleIn(team: { id: string }, user: { id: string }) {
  const row = await db
    .from('team_memberships')
    .where({ team_id: team.id, user_id: user.id })
    .first()
  return (row?.role as TeamRole | undefined) ?? null
}

export async function memberCountOf(team: { id: string }) {
  const row = await db.from('teams').where('id', team.id).first()
  return row ? Number(row.member_count) : null
}
