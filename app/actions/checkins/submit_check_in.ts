import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import CheckIn from '#models/check_in'
import type Team from '#models/team'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { broadcastTeamEvent } from '#services/broadcast'
import Achievements from '#gamification/achievements'

export type CheckInAnswers = {
  productive: number
  satisfied: number
  body: number
  care: number
  note?: string | null
  isPrivate?: boolean
}

/**
 * A member checks in with their team for this week (F3), the week being
 * the team's (`CheckIn.weekStartOf`). The unique index
 * `check_ins_one_per_week` is what refuses a second one, however many
 * arrive at once; the membership is checked by the insert itself, so a
 * member removed a moment earlier cannot slip one in.
 */
export default class SubmitCheckIn {
  static async handle(
    user: User,
    team: Team,
    data: CheckInAnswers,
    { now = DateTime.now() }: { now?: DateTime } = {}
  ) {
    const checkIn = await insert(user, team, data, CheckIn.weekStartOf(team.timezone, now))
    checkIn.$setRelated('user', user)
    broadcastCreated(checkIn, user)
    return checkIn
  }
}

async function insert(user: User, team: Team, data: CheckInAnswers, weekStart: string) {
  try {
    // A transaction of its own, so a refused insert leaves a caller's
    // transaction usable (it becomes a savepoint there).
    const { rows } = await db.transaction(async (trx) => {
      const inserted = await trx.rawQuery(
        `INSERT INTO check_ins (team_id, user_id, week_start, productive, satisfied, body, care,
                              note, is_private)
       SELECT :teamId, :userId, :weekStart, :productive, :satisfied, :body, :care, :note, :isPrivate
        WHERE EXISTS (SELECT 1 FROM team_memberships WHERE team_id = :teamId AND user_id = :userId)
       RETURNING *`,
        {
          teamId: team.id,
          userId: user.id,
          weekStart,
          productive: data.productive,
          satisfied: data.satisfied,
          body: data.body,
          care: data.care,
          note: data.note ?? null,
          isPrivate: data.isPrivate ?? false,
        } as RawQueryBindings
      )
      if (inserted.rows.length) {
        await Achievements.checkedIn(trx, user.id, inserted.rows[0].created_at)
      }
      return inserted
    })
    if (!rows.length) {
      throw new DomainError('FORBIDDEN', 'Only members of this team can check in')
    }
    return CheckIn.$createFromAdapterResult(rows[0])!
  } catch (error) {
    if (error.code === '23505' && error.constraint === 'check_ins_one_per_week') {
      throw new DomainError(
        'DUPLICATE_CHECKIN',
        'You already checked in with this team this week: change that check-in instead'
      )
    }
    throw error
  }
}

/**
 * Teammates see that someone checked in; the score of a private check-in
 * is nobody's business but its author's, so it goes out as null.
 */
function broadcastCreated(checkIn: CheckIn, user: User) {
  broadcastTeamEvent(checkIn.teamId, {
    type: 'checkin.created',
    checkIn: {
      id: checkIn.id,
      user: { id: user.id, username: user.username },
      score: checkIn.isPrivate ? null : checkIn.score,
    },
  })
}
