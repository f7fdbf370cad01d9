/*
|--------------------------------------------------------------------------
| The leaderboard scenario's data set (npm run bench)
|--------------------------------------------------------------------------
|
| 100,000 `bench_lb_*` members and their paid completions spread over the
| last 365 days, in `member_totals` terms: the week, month and all-time rows
| those completions make, which is all a board reads. First 100,000
| completions, then 1,000,000.
|
| The aggregate is seeded directly, not through `MemberTotals.rebuild`:
| rebuild reads payouts from bounties, claims and the ledger's postings, and
| writing a million of those (each a balanced ledger entry through the
| ledger's triggers) would take the run far longer than the measurement,
| while the boards never read them. The completions are a generated set
| instead (generate_series), grouped the way rebuild groups payouts (same
| UTC week, month and all-time keys), so the rows are exactly those a
| million real payouts would leave. Each completion is a pseudo-random but
| fixed function of its number: the first 100,000 of the large set are the
| small set, and growing recomputes the rows from all 1,000,000. Members are
| picked with a skew (a few do much of the work, as on a real board), and
| points come from the app's own rule (`pointsForCompletion` in the build
| being measured) over a catalogue of priorities and payouts.
|
| A few members are left off the boards as real ones are: 1 % opted out
| (K9) and 0.5 % deactivated, so the boards have unlisted rows to skip;
| the triggers of migration 0862 set each row's `listed` flag as it is
| inserted, as they do for a payout.
| The benchmark member (`bench_0001`) keeps the rows its real payouts from
| `bounties:seed-bulk` made, so the page also ranks a member who is not
| in the top 50.
*/
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import pg from 'pg'
import type { Database } from './support.ts'

export const MEMBERS = 100_000
export const COMPLETIONS = { small: 100_000, large: 1_000_000 } as const

const MEMBER_NAME = 'bench\\_lb\\_%'
const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
/**
 * Payouts a completion may have earned, in cents: whole and odd amounts, so
 * the earnings column and the points' whole units both vary.
 */
const PAYOUT_CENTS = [500, 1250, 2000, 3599, 5000, 7500, 10000, 15000, 25000, 40050]

export type LeaderboardData = { completions: number; rows: number; seconds: number }

type PointsModule = {
  pointsForCompletion(priority: string, payout: unknown): number
}
type MoneyModule = { default: { fromCents(cents: number): unknown } }

/**
 * Removes the data set of an earlier run, then writes the members and the
 * rows of the first 100,000 completions. `buildDir` is the build under
 * test, whose points rule scores the completions.
 */
export async function seedLeaderboard(
  database: Database,
  buildDir: string
): Promise<LeaderboardData> {
  const catalogue = await completionKinds(buildDir)
  return withClient(database, async (client) => {
    const started = performance.now()
    await client.query('BEGIN')
    await client.query(`DELETE FROM users WHERE username LIKE $1`, [MEMBER_NAME])
    await client.query(
      `INSERT INTO users (username, email, password, email_verified_at, is_active)
       SELECT 'bench_lb_' || lpad(n::text, 6, '0'), 'bench_lb_' || n || '@bench.test',
              'not-a-login', now(), n % 200 <> 7
         FROM generate_series(1, $1) AS n`,
      [MEMBERS]
    )
    await client.query(
      `INSERT INTO user_settings (user_id, leaderboard_opt_out)
       SELECT id, substr(username, 10)::int % 100 = 3 FROM users WHERE username LIKE $1`,
      [MEMBER_NAME]
    )
    await writeTotals(client, catalogue, COMPLETIONS.small)
    await client.query('COMMIT')
    await client.query('VACUUM ANALYZE users, user_settings, member_totals')
    return measured(client, COMPLETIONS.small, started)
  })
}

/**
 * Recomputes the members' rows from all 1,000,000 completions.
 */
export async function growLeaderboard(
  database: Database,
  buildDir: string
): Promise<LeaderboardData> {
  const catalogue = await completionKinds(buildDir)
  return withClient(database, async (client) => {
    const started = performance.now()
    await client.query('BEGIN')
    await client.query(
      `DELETE FROM member_totals
        WHERE user_id IN (SELECT id FROM users WHERE username LIKE $1)`,
      [MEMBER_NAME]
    )
    await writeTotals(client, catalogue, COMPLETIONS.large)
    await client.query('COMMIT')
    await client.query('VACUUM ANALYZE member_totals')
    return measured(client, COMPLETIONS.large, started)
  })
}

/**
 * Every priority with every payout, and the points the build's rule gives
 * each, so the SQL below never restates the rule.
 */
async function completionKinds(buildDir: string) {
  const module = (path: string) => import(pathToFileURL(join(buildDir, path)).href)
  const { pointsForCompletion } = (await module('app/gamification/points.js')) as PointsModule
  const { default: Money } = (await module('app/ledger/money.js')) as MoneyModule
  const kinds = PRIORITIES.flatMap((priority) =>
    PAYOUT_CENTS.map((cents) => ({
      earnings: (cents / 100).toFixed(2),
      points: pointsForCompletion(priority, Money.fromCents(cents)),
    }))
  )
  return {
    earnings: kinds.map((kind) => kind.earnings),
    points: kinds.map((kind) => kind.points),
  }
}

/**
 * The week, month and all-time rows of completions 1…`count`. Completion n
 * goes to a member picked by a skewed hash of n (the square of a uniform
 * fraction favours the first members), is of kind n mod the catalogue's
 * size, and was paid at a hashed moment of the last 365 days.
 */
async function writeTotals(
  client: pg.Client,
  catalogue: { earnings: string[]; points: number[] },
  count: number
) {
  await client.query(
    `WITH members AS (
       SELECT id, row_number() OVER (ORDER BY username) - 1 AS k
         FROM users WHERE username LIKE $1
     ), kinds AS (
       SELECT kind - 1 AS k, earnings, points
         FROM unnest($2::numeric[], $3::int[]) WITH ORDINALITY AS c (earnings, points, kind)
     ), completions AS (
       SELECT floor($4::int * power(((n * 2654435761) % 4294967296) / 4294967296.0, 2))::int AS member,
              n % cardinality($3::int[]) AS kind,
              now() - ((n * 40503) % (365 * 86400)) * interval '1 second' AS at
         FROM generate_series(1::bigint, $5::bigint) AS n
     )
     INSERT INTO member_totals (period, period_start, user_id, earnings, completions, points)
     SELECT p.period, p.period_start, m.id, sum(k.earnings), count(*), sum(k.points)
       FROM completions c
       JOIN members m ON m.k = c.member
       JOIN kinds k ON k.k = c.kind,
       LATERAL (VALUES
         ('WEEK'::totals_period,  date_trunc('week',  c.at AT TIME ZONE 'UTC')::date),
         ('MONTH'::totals_period, date_trunc('month', c.at AT TIME ZONE 'UTC')::date),
         ('ALL'::totals_period,   DATE '1970-01-01')) AS p (period, period_start)
      GROUP BY 1, 2, 3`,
    [MEMBER_NAME, catalogue.earnings, catalogue.points, MEMBERS, count]
  )
}

async function measured(client: pg.Client, completions: number, started: number) {
  const { rows } = await client.query<{ total: string }>(
    `SELECT count(*) AS total FROM member_totals
      WHERE user_id IN (SELECT id FROM users WHERE username LIKE $1)`,
    [MEMBER_NAME]
  )
  return {
    completions,
    rows: Number(rows[0].total),
    seconds: (performance.now() - started) / 1000,
  }
}

async function withClient<T>(database: Database, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client(database)
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
