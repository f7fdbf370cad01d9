import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'
import CheckIn from '#models/check_in'

/**
 * A team with these members, rows inserted directly (no join action), for
 * the check-in tests. The other team helpers build teams through their
 * actions; this one only needs the rows.
 */
export async function teamWith(
  members: { user: User; role?: TeamRole }[],
  attributes: { timezone?: string; name?: string } = {}
) {
  const team = await Team.create({
    name: attributes.name ?? 'Hashira',
    accessCode: randomBytes(4).toString('hex').toUpperCase(),
    timezone: attributes.timezone ?? 'UTC',
    maxMembers: Math.max(20, members.length),
    memberCount: members.length,
    createdBy: members[0]?.user.id ?? null,
  })
  if (members.length) {
    await db.table('team_memberships').multiInsert(
      members.map(({ user, role = 'MEMBER' }) => ({
        team_id: team.id,
        user_id: user.id,
        role,
      }))
    )
  }
  return team
}

/**
 * A check-in stored as it is, in any week (past weeks included), without
 * the action's rules.
 */
export async function checkInRow(
  team: Team,
  user: User,
  scores: { productive: number; satisfied: number; body: number; care: number },
  options: { weekStart?: string; isPrivate?: boolean; note?: string | null } = {}
) {
  const [row] = await db
    .table('check_ins')
    .insert({
      team_id: team.id,
      user_id: user.id,
      week_start: options.weekStart ?? CheckIn.weekStartOf(team.timezone),
      ...scores,
      note: options.note ?? null,
      is_private: options.isPrivate ?? false,
    })
    .returning('*')
  return CheckIn.$createFromAdapterResult(row)!
}
