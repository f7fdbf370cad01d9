import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import Notify from '#actions/notifications/notify'

/**
 * The automatic badges (E2) by code, as migration 0840 created them; what
 * earns each is written in `app/gamification/achievements.ts` and, for a
 * rebuild from history, in `app/gamification/rebuild.ts`.
 */
export const AUTOMATIC_BADGES = {
  firstCompletion: 'first_completion',
  tenCompletions: 'ten_completions',
  fiftyCompletions: 'fifty_completions',
  firstPost: 'first_post',
  fourWeekStreak: 'four_week_streak',
  topEarnerOfMonth: 'top_earner_month',
  firstTip: 'first_tip',
  firstCheckIn: 'first_checkin',
} as const

/**
 * Completion counts that earn a badge, and which.
 */
export const COMPLETION_BADGES: [number, string][] = [
  [1, AUTOMATIC_BADGES.firstCompletion],
  [10, AUTOMATIC_BADGES.tenCompletions],
  [50, AUTOMATIC_BADGES.fiftyCompletions],
]

/** Active weeks in a row that earn the streak badge. */
export const STREAK_BADGE_WEEKS = 4

export type Grant = {
  userId: string
  code: string
  at: Date
  grantedBy?: string | null
}

export type EarnedBadge = {
  code: string
  name: string
  description: string
  awardedAt: DateTime
}

export default class Badges {
  /**
   * Grants a badge unless the member already holds it: the primary key of
   * `member_badges` decides, so racing events grant it once. The member is
   * told (badge.awarded) after `client`'s transaction commits; true when
   * this call granted it.
   */
  static async grant(client: QueryClientContract, grant: Grant) {
    const { rows } = await client.rawQuery<{ rows: { name: string; description: string }[] }>(
      `INSERT INTO member_badges (user_id, badge_id, awarded_at, granted_by)
       SELECT :userId, id, :at, :grantedBy FROM badges WHERE code = :code
       ON CONFLICT DO NOTHING
       RETURNING (SELECT name FROM badges WHERE code = :code),
                 (SELECT description FROM badges WHERE code = :code)`,
      {
        userId: grant.userId,
        code: grant.code,
        at: grant.at,
        grantedBy: grant.grantedBy ?? null,
      } as RawQueryBindings
    )
    if (!rows.length) return false
    await Notify.handle(
      {
        type: 'badge.awarded',
        recipients: [{ id: grant.userId }],
        actor: null,
        title: `You earned the “${rows[0].name}” badge`,
        message: rows[0].description,
        url: urlFor('dashboard.show'),
        data: { badgeCode: grant.code },
      },
      client.isTransaction ? (client as TransactionClientContract) : undefined
    )
    return true
  }

  /**
   * The badges a member holds, newest first.
   */
  static async of(userId: string, client: QueryClientContract = db.connection()) {
    const rows = await client
      .from('member_badges')
      .join('badges', 'badges.id', 'member_badges.badge_id')
      .where('member_badges.user_id', userId)
      .orderBy([
        { column: 'member_badges.awarded_at', order: 'desc' },
        { column: 'badges.code', order: 'asc' },
      ])
      .select('badges.code', 'badges.name', 'badges.description', 'member_badges.awarded_at')
    return rows.map(
      (row: { code: string; name: string; description: string; awarded_at: Date }) =>
        ({
          code: row.code,
          name: row.name,
          description: row.description,
          awardedAt: DateTime.fromJSDate(row.awarded_at),
        }) satisfies EarnedBadge
    )
  }
}
