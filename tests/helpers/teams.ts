import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'

/*
| Teams, memberships and check-ins written straight into their tables, for
| tests of what happens around them (live channels, presence) rather than
| of the actions that make them.
*/

/**
 * A team whose first member is its ADMIN and the others MEMBERs.
 */
export async function insertTeam(members: User[], attributes: Partial<{ name: string }> = {}) {
  const [team] = await db
    .table('teams')
    .insert({
      name: attributes.name ?? 'The Night Shift',
      access_code: randomBytes(5).toString('hex').toUpperCase(),
      max_members: 20,
      member_count: 0,
      created_by: members[0]?.id ?? null,
    })
    .returning('id')
  for (const [index, user] of members.entries()) {
    await insertMembership(team.id, user, index === 0 ? 'ADMIN' : 'MEMBER')
  }
  return Team.findOrFail(team.id)
}

export async function insertMembership(teamId: string, user: User, role: TeamRole = 'MEMBER') {
  await db.table('team_memberships').insert({ team_id: teamId, user_id: user.id, role })
  await db.from('teams').where('id', teamId).increment('member_count', 1)
}

export async function deleteMembership(teamId: string, user: User) {
  await db.from('team_memberships').where({ team_id: teamId, user_id: user.id }).delete()
  await db.from('teams').where('id', teamId).decrement('member_count', 1)
}

/**
 * A check-in with the same four scores unless told otherwise.
 */
export async function insertCheckIn(
  teamId: string,
  user: User,
  weekStart: string,
  scores: Partial<Record<'productive' | 'satisfied' | 'body' | 'care', number>> = {}
) {
  const [row] = await db
    .table('check_ins')
    .insert({
      team_id: teamId,
      user_id: user.id,
      week_start: weekStart,
      productive: scores.productive ?? 7,
      satisfied: scores.satisfied ?? 7,
      body: scores.body ?? 7,
      care: scores.care ?? 3,
    })
    .returning(['id', 'score'])
  return row as { id: string; score: number }
}
