import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { lineChart } from '#charts/line_chart'
import { moneyChart } from '#charts/balance_chart'
import Money from '#ledger/money'
import LedgerAccount from '#models/ledger_account'
import LedgerVerification from '#models/ledger_verification'
import { BOUNTY_STATUSES, type BountyStatus } from '#enums/bounty'

export const DASHBOARD_WEEKS = 12

/**
 * A member counts as active this week when a web session of theirs was
 * touched or one of their API tokens was used in the last seven days.
 */
const ACTIVE_DAYS = 7

type Week = { week: string }

/**
 * The admin dashboard's figures (I1). Each is an index read or a small
 * aggregate (accounts, bounties by status, the last 12 weeks of
 * transactions through their (type, status, created_at) index): nothing
 * scans the postings, and the ledger check is the stored last result.
 */
export default class DashboardFigures {
  static async handle() {
    const since = DateTime.utc()
      .startOf('week')
      .minus({ weeks: DASHBOARD_WEEKS - 1 })
    const weeks = Array.from({ length: DASHBOARD_WEEKS }, (_, index) =>
      since.plus({ weeks: index }).toISODate()!
    )
    const [members, newMembers, bounties, totals, payouts, pending, verification, running] =
      await Promise.all([
        DashboardFigures.members(),
        DashboardFigures.newMembersPerWeek(since),
        DashboardFigures.bountiesByStatus(),
        LedgerAccount.totals(),
        DashboardFigures.paidOutPerWeek(since),
        DashboardFigures.pendingWithdrawals(),
        LedgerVerification.lastFinished(),
        LedgerVerification.pending(),
      ])
    const joined = weeks.map((week) => ({ week, count: newMembers.get(week) ?? 0 }))
    const rewards = weeks.map((week) => ({
      day: week,
      amount: payouts.rewards.get(week) ?? Money.ZERO,
    }))
    const withdrawn = weeks.map((week) => ({
      day: week,
      amount: payouts.withdrawals.get(week) ?? Money.ZERO,
    }))
    return {
      members: { ...members, joinedThisWeek: joined[joined.length - 1].count },
      joined,
      joinedChart: joined.some(({ count }) => count > 0)
        ? lineChart(
            joined.map(({ week, count }) => ({ label: week, value: BigInt(count) })),
            (value) => value.toString(),
            (week) => `week of ${DateTime.fromISO(week, { zone: 'utc' }).toFormat('LLL d')}`
          )
        : null,
      bounties,
      money: {
        inWallets: totals.balancesByKind.WALLET,
        inCirculation: totals.balancesByKind.TREASURY.negated(),
        inEscrow: totals.balancesByKind.ESCROW,
        pendingWithdrawals: pending,
      },
      rewards,
      rewardsChart: moneyChart(rewards, (day) => `week of ${day}`),
      withdrawn,
      withdrawnChart: moneyChart(withdrawn, (day) => `week of ${day}`),
      verification,
      running,
    }
  }

  private static async members() {
    const { rows } = await db.rawQuery<{ rows: { total: string; active: string }[] }>(
      `SELECT (SELECT count(*) FROM users WHERE deleted_at IS NULL) AS total,
              (SELECT count(*) FROM (
                 SELECT user_id::uuid AS id FROM sessions
                  WHERE user_id IS NOT NULL AND last_seen_at > now() - make_interval(days => ?)
                 UNION
                 SELECT tokenable_id FROM auth_access_tokens
                  WHERE last_used_at > now() - make_interval(days => ?)
               ) AS seen) AS active`,
      [ACTIVE_DAYS, ACTIVE_DAYS]
    )
    return { total: Number(rows[0].total), active: Number(rows[0].active) }
  }

  private static async newMembersPerWeek(since: DateTime) {
    const rows: (Week & { count: string })[] = await db
      .from('users')
      .where('created_at', '>=', since.toISO()!)
      .select(
        db.raw(`to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week`)
      )
      .count('* as count')
      .groupBy('week')
    return new Map(rows.map((row) => [row.week, Number(row.count)]))
  }

  private static async bountiesByStatus() {
    const rows: { status: BountyStatus; count: string }[] = await db
      .from('bounties')
      .whereNull('deleted_at')
      .where('is_draft', false)
      .select('status')
      .count('* as count')
      .groupBy('status')
    return BOUNTY_STATUSES.map((status) => ({
      status,
      count: Number(rows.find((row) => row.status === status)?.count ?? 0),
    }))
  }

  /**
   * Bounty rewards paid to members and withdrawals approved, per week:
   * completed EARN and WITHDRAWAL lines of the last weeks, read through the
   * (type, status, created_at) index.
   */
  private static async paidOutPerWeek(since: DateTime) {
    const rows: (Week & { type: string; total: string })[] = await db
      .from('transactions')
      .whereIn('type', ['EARN', 'WITHDRAWAL'])
      .where('status', 'COMPLETED')
      .where('created_at', '>=', since.toISO()!)
      .where((kind) =>
        kind.where('type', 'WITHDRAWAL').orWhereRaw(`metadata->>'kind' = 'bounty_payout'`)
      )
      .select('type')
      .select(
        db.raw(`to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week`)
      )
      .sum('amount as total')
      .groupBy('type', 'week')
    const byType = (type: string) =>
      new Map(
        rows.filter((row) => row.type === type).map((row) => [row.week, Money.fromDb(row.total)])
      )
    return { rewards: byType('EARN'), withdrawals: byType('WITHDRAWAL') }
  }

  private static async pendingWithdrawals() {
    const row: { count: string; total: string | null } = await db
      .from('transactions')
      .where('type', 'WITHDRAWAL')
      .where('status', 'PENDING')
      .count('* as count')
      .sum('amount as total')
      .firstOrFail()
    return { count: Number(row.count), total: Money.fromDb(row.total ?? '0') }
  }
}
