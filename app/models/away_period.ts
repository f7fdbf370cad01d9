import { DateTime } from 'luxon'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { AwayPeriodSchema } from '#database/schema'

/**
 * Away mode (K8): a span a member declared they are away, at most four
 * weeks. While it runs they are not assigned nor nudged; weeks it touches
 * freeze their streak (app/gamification/streaks.ts).
 */
export default class AwayPeriod extends AwayPeriodSchema {
  static readonly MAX_DAYS = 28

  /**
   * The days a member may pick as the last of their away time, on the UTC
   * calendar: from tomorrow to `MAX_DAYS` ahead. The form offers this range
   * and the validator enforces it.
   */
  static endChoices(now = DateTime.utc()) {
    return {
      earliest: now.plus({ days: 1 }).toISODate()!,
      latest: now.plus({ days: this.MAX_DAYS }).toISODate()!,
    }
  }

  /**
   * The member's running away period, if any.
   */
  static current(userId: string, client?: QueryClientContract) {
    return this.query({ client })
      .where('user_id', userId)
      .where('starts_at', '<=', DateTime.now().toSQL()!)
      .where('ends_at', '>', DateTime.now().toSQL()!)
      .first()
  }

  /**
   * Keeps only rows whose member (`column`, a user id) is not away at `at`.
   */
  static skipAway<Query extends { whereNotExists: Function }>(
    query: Query,
    column: string,
    at: DateTime
  ): Query {
    return query.whereNotExists((away: DatabaseQueryBuilderContract) =>
      away
        .from('away_periods')
        .whereColumn('away_periods.user_id', column)
        .where('away_periods.starts_at', '<=', at.toISO()!)
        .where('away_periods.ends_at', '>', at.toISO()!)
    )
  }
}
