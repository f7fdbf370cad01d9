import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { TeamFactory } from '#database/factories/team_factory'
import Team from '#models/team'
import type User from '#models/user'
import type { TeamRole } from '#enums/team'
import CheckIn from '#models/check_in'
import LiveAccess from '#services/live_access'
import ForgetTeamBounties from '#actions/teams/forget_team_bounties'

/**
 * A team with these members in these roles (the first ADMIN is its
 * creator), its member count kept as the actions keep it.
 */
export async function teamWith(
  members: [User, TeamRole][],
  overrides: { maxMembers?: number; name?: string; timezone?: string } = {}
): Promise<Team> {
  const creator = members.find(([, role]) => role === 'ADMIN')?.[0]
  const team = await TeamFactory.merge({ createdBy: creator?.id ?? null, ...overrides }).create()
  await db.transaction(async (trx) => {
    const locked = await Team.lockForUpdate(trx, team.id)
    for (const [user, role] of members) await locked.addMember(user.id, role)
  })
  return Team.findOrFail(team.id)
}

/**
 * A team whose first member is its ADMIN and the others MEMBERs.
 */
export function teamOf(members: User[], overrides: { name?: string; timezone?: string } = {}) {
  return teamWith(
    members.map((user, index): [User, TeamRole] => [user, index === 0 ? 'ADMIN' : 'MEMBER']),
    overrides
  )
}

/**
 * Membership changes as the actions make them, without their checks or
 * announcements: for tests of what happens around them.
 */
export async function addToTeam(teamId: string, user: User, role: TeamRole = 'MEMBER') {
  await db.transaction(async (trx) => {
    const locked = await Team.lockForUpdate(trx, teamId)
    await locked.addMember(user.id, role)
  })
}

/**
 * The member leaves (or is removed from) the team as the team actions do
 * it: their row goes, they forget the team's bounties, and their open live
 * streams are re-checked.
 */
export async function removeFromTeam(teamId: string, user: User) {
  await db.transaction(async (trx) => {
    const locked = await Team.lockForUpdate(trx, teamId)
    const membership = await locked.membershipOf(user.id, trx)
    if (membership) await locked.dropMember(membership)
    await ForgetTeamBounties.handle(user, teamId, trx)
    LiveAccess.memberChanged(user.id, { trx })
  })
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

/**
 * The Monday `weeks` weeks before this one on `timezone`'s clock, as a
 * check-in's `week_start`.
 */
export function weeksAgo(weeks: number, timezone = 'UTC') {
  return DateTime.fromISO(CheckIn.weekStartOf(timezone)).minus({ weeks }).toISODate()!
}

/**
 * One check-in a week with the same answers but care, `[weeks ago, care]`
 * each: the trend the insights and the analytics charts describe.
 */
export async function checkInsWithCare(
  team: Team,
  user: User,
  answers: { productive: number; satisfied: number; body: number },
  cares: [weeks: number, care: number][]
) {
  for (const [ago, care] of cares) {
    await checkInRow(team, user, { ...answers, care }, { weekStart: weeksAgo(ago, team.timezone) })
  }
}

/**
 * The invitation's row as stored, or null.
 */
export function invitationRow(id: string) {
  return db.from('team_invitations').where('id', id).first()
}

export async function invitationStatus(id: string) {
  const row = await invitationRow(id)
  return (row?.status as string | undefined) ?? null
}

export async function allowsMemberInvite(team: { id: string }) {
  const row = await db.from('teams').where('id', team.id).first()
  return Boolean(row?.allow_member_invite)
}
