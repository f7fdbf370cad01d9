import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import CheckIn from '#models/check_in'
import type User from '#models/user'
import Money from '#ledger/money'

export type BountyTrendWeek = {
  weekStart: string
  created: number
  completed: number
  paidOut: Money
}

export const BOUNTY_TRENDS_DEFAULT_WEEKS = 12
export const BOUNTY_TRENDS_MAX_WEEKS = 52

/**
 * The board's weekly activity as the member sees it (H2): bounties
 * published, completions paid and the rewards they paid, per week from
 * Monday midnight on the member's clock, oldest first, every week present.
 * Only bounties the member may see count (`Bounty.visibleTo`): a team-only
 * bounty adds to its members' figures and nobody else's, so the figures
 * reveal nothing hidden. A completion is a reward paid to a worker (a
 * bounty with several slots completes once per slot), counted in the week
 * it was paid.
 */
export default class BountyTrends {
  static async handle(
    user: User,
    {
      weeks = BOUNTY_TRENDS_DEFAULT_WEEKS,
      timezone,
      now = DateTime.now(),
    }: { weeks?: number; timezone: string; now?: DateTime }
  ): Promise<BountyTrendWeek[]> {
    const { first, last } = CheckIn.window(timezone, weeks, now)
    const from = DateTime.fromISO(first, { zone: timezone }).toUTC().toISO()!
    const until = DateTime.fromISO(last, { zone: timezone }).plus({ weeks: 1 }).toUTC().toISO()!
    const week = (column: string) =>
      db.raw(`to_char(date_trunc('week', ${column} AT TIME ZONE ?), 'YYYY-MM-DD') AS week`, [
        timezone,
      ])
    const visible = () =>
      Bounty.query()
        .withScopes((scopes) => scopes.visibleTo(user))
        .where('bounties.is_draft', false)

    const [created, paid] = await Promise.all([
      visible()
        .where('bounties.published_at', '>=', from)
        .where('bounties.published_at', '<', until)
        .select(week('bounties.published_at'))
        .count('* AS total')
        .groupBy('week')
        .pojo<{ week: string; total: string }>(),
      visible()
        .join('transactions', 'transactions.bounty_id', 'bounties.id')
        .where('transactions.type', 'EARN')
        .where('transactions.status', 'COMPLETED')
        .whereRaw(`transactions.metadata->>'kind' = 'bounty_payout'`)
        .where('transactions.created_at', '>=', from)
        .where('transactions.created_at', '<', until)
        .select(week('transactions.created_at'))
        .count('* AS total')
        .sum('transactions.amount AS amount')
        .groupBy('week')
        .pojo<{ week: string; total: string; amount: string }>(),
    ])
    const createdBy = new Map(created.map((row) => [row.week, Number(row.total)]))
    const paidBy = new Map(paid.map((row) => [row.week, row]))
    return mondays(first, last).map((monday) => ({
      weekStart: monday,
      created: createdBy.get(monday) ?? 0,
      completed: Number(paidBy.get(monday)?.total ?? 0),
      paidOut: Money.fromDb(paidBy.get(monday)?.amount ?? '0'),
    }))
  }
}

function mondays(first: string, last: string) {
  const days: string[] = []
  for (
    let day = DateTime.fromISO(first, { zone: 'utc' });
    day.toISODate()! <= last;
    day = day.plus({ weeks: 1 })
  ) {
    days.push(day.toISODate()!)
  }
  return days
}
