import { randomBytes } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'
import LiveAccess from '#services/live_access'
import ForgetTeamBounties from '#actions/teams/forget_team_bounties'

/**
 * A team made of `members` by writing its rows directly (the first is its
 * ADMIN, the others MEMBERs), for tests of what teams change elsewhere
 * (team-only bounties, profiles, watch levels) without the team actions.
 */
export async function teamWith(members: User[], name = 'Night shift') {
  const team = await Team.create({
    name,
    accessCode: randomBytes(4).toString('hex').toUpperCase(),
    maxMembers: 20,
    memberCount: 0,
    createdBy: members[0]?.id ?? null,
  })
  for (const [index, user] of members.entries()) {
    await addToTeam(team, user, index === 0 ? 'ADMIN' : 'MEMBER')
  }
  return team
}

export async function addToTeam(team: Team, user: User, role: TeamRole = 'MEMBER') {
  await db.table('team_memberships').insert({ team_id: team.id, user_id: user.id, role })
  await db.from('teams').where('id', team.id).increment('member_count', 1)
  LiveAccess.memberChanged(user.id)
}

/**
 * The member leaves (or is removed from) the team as the team actions do
 * it: their row goes, they forget the team's bounties, and their open live
 * streams are re-checked.
 */
export async function leaveTeam(team: Team, user: User) {
  await db.transaction(async (trx) => {
    await trx.from('team_memberships').where({ team_id: team.id, user_id: user.id }).delete()
    await trx.from('teams').where('id', team.id).decrement('member_count', 1)
    await ForgetTeamBounties.handle(user, team.id, trx)
    LiveAccess.memberChanged(user.id, { trx })
  })
}
