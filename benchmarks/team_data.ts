/*
|--------------------------------------------------------------------------
| The teams scenario's data set (npm run bench)
|--------------------------------------------------------------------------
|
| 1,000 teams of 20 members (20,000 `bench_team_*` members) and their weekly
| check-ins, written by a few set-based statements (generate_series), in
| two stages: 5 weeks of history (100,000 check-ins), then 45 weeks more
| (1,000,000). The benchmark member (`bench_0001`, made by
| `bounties:seed-bulk`) joins the first team, so the team page and the
| team's check-ins can be requested as a member; it checks in every week
| as the others do. That first team has its 12 shown weeks from the start,
| so both sizes answer for the same rows: what grows is the table around
| them.
|
| Within a week the check-ins are written in random order, as a week's
| check-ins arrive from every team at once: a team's rows are spread over
| the table, not packed together.
*/
import pg from 'pg'
import type { Database } from './support.ts'

export const TEAMS = 1000
export const MEMBERS_PER_TEAM = 20
export const HISTORY_WEEKS = { small: 5, large: 50 } as const

/**
 * The weeks a team's page and its check-ins endpoint show (weeks=12).
 */
const SHOWN_WEEKS = 12

const TEAM_NAME = 'Bench team %'
const MEMBER_NAME = 'bench\\_team\\_%'

export type TeamData = { teamId: string; checkIns: number; seconds: number }

/**
 * Removes the data set of an earlier run, then writes teams, members and
 * the first 5 weeks of check-ins; `grow` adds the other 45.
 */
export async function seedTeams(database: Database, benchMember: string): Promise<TeamData> {
  return withClient(database, async (client) => {
    const started = performance.now()
    await client.query('BEGIN')
    await client.query(
      `DELETE FROM check_ins WHERE team_id IN (SELECT id FROM teams WHERE name LIKE $1)`,
      [TEAM_NAME]
    )
    await client.query(`DELETE FROM teams WHERE name LIKE $1`, [TEAM_NAME])
    await client.query(`DELETE FROM users WHERE username LIKE $1`, [MEMBER_NAME])
    await client.query(
      `INSERT INTO teams (name, access_code, is_private, max_members, member_count, timezone)
       SELECT 'Bench team ' || lpad(n::text, 4, '0'), 'BENCH' || lpad(n::text, 4, '0'),
              true, $2::int + 5, $2, 'UTC'
         FROM generate_series(1, $1) AS n`,
      [TEAMS, MEMBERS_PER_TEAM]
    )
    await client.query(
      `INSERT INTO users (username, email, password, email_verified_at)
       SELECT 'bench_team_' || lpad(n::text, 5, '0'), 'bench_team_' || n || '@bench.test',
              'not-a-login', now()
         FROM generate_series(1, $1) AS n`,
      [TEAMS * MEMBERS_PER_TEAM]
    )
    await client.query(
      `INSERT INTO user_settings (user_id) SELECT id FROM users WHERE username LIKE $1`,
      [MEMBER_NAME]
    )
    await client.query(
      `INSERT INTO team_memberships (team_id, user_id, role, joined_at)
       SELECT team.id, member.id,
              CASE WHEN member.n % $3 = 1 THEN 'ADMIN' ELSE 'MEMBER' END::team_role,
              now() - interval '1 year'
         FROM (SELECT id, row_number() OVER (ORDER BY username) AS n
                 FROM users WHERE username LIKE $1) AS member
         JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n
                 FROM teams WHERE name LIKE $2) AS team
           ON team.n = (member.n - 1) / $3 + 1`,
      [MEMBER_NAME, TEAM_NAME, MEMBERS_PER_TEAM]
    )
    const { rows } = await client.query<{ id: string }>(
      `WITH first AS (SELECT id FROM teams WHERE name = 'Bench team 0001')
       INSERT INTO team_memberships (team_id, user_id, role, joined_at)
       SELECT first.id, users.id, 'MEMBER', now() - interval '1 year'
         FROM first, users WHERE users.username = $1
       RETURNING team_id AS id`,
      [benchMember]
    )
    if (rows.length === 0) throw new Error(`No member ${benchMember}: run bounties:seed-bulk`)
    await client.query(`UPDATE teams SET member_count = member_count + 1 WHERE id = $1`, [
      rows[0].id,
    ])
    await writeCheckIns(client, 0, HISTORY_WEEKS.small)
    // The measured team already has the 12 weeks its pages show, so both
    // sizes answer for the same rows and only the table around them grows.
    await writeCheckIns(client, HISTORY_WEEKS.small, SHOWN_WEEKS, rows[0].id)
    await client.query('COMMIT')
    await client.query('VACUUM ANALYZE teams, team_memberships, users, user_settings, check_ins')
    return {
      teamId: rows[0].id,
      checkIns: await countCheckIns(client),
      seconds: (performance.now() - started) / 1000,
    }
  })
}

/**
 * Adds the older weeks, up to 50 weeks of history (1,000,000 check-ins).
 */
export async function growTeams(database: Database, teamId: string): Promise<TeamData> {
  return withClient(database, async (client) => {
    const started = performance.now()
    await writeCheckIns(client, HISTORY_WEEKS.small, HISTORY_WEEKS.large)
    await client.query('VACUUM ANALYZE check_ins')
    return {
      teamId,
      checkIns: await countCheckIns(client),
      seconds: (performance.now() - started) / 1000,
    }
  })
}

/**
 * The plans of the reads a team's page and `GET /checkins/team/:id` are
 * expected to make, for one team over the 12 weeks the trends show: each
 * must reach the team's rows through an index on (team_id, week_start) or
 * (user_id, team_id, week_start), whatever the history's length.
 */
export async function explainTeamQueries(database: Database, teamId: string, userId: string) {
  const queries: [string, string, unknown[]][] = [
    [
      'weekly averages, 12 weeks',
      `SELECT week_start, avg(productive) AS productive, avg(satisfied) AS satisfied,
              avg(body) AS body, avg(care) AS care, avg(score) AS score,
              count(*) AS participants
         FROM check_ins
        WHERE team_id = $1 AND week_start >= (date_trunc('week', now()) - interval '11 weeks')::date
        GROUP BY week_start ORDER BY week_start`,
      [teamId],
    ],
    [
      "members' check-ins, 12 weeks",
      `SELECT id, user_id, week_start, productive, satisfied, body, care, score, note, is_private
         FROM check_ins
        WHERE team_id = $1 AND week_start >= (date_trunc('week', now()) - interval '11 weeks')::date
        ORDER BY week_start DESC, user_id`,
      [teamId],
    ],
    [
      "a member's own trend, 12 weeks",
      `SELECT week_start, score FROM check_ins
        WHERE user_id = $2 AND team_id = $1
          AND week_start >= (date_trunc('week', now()) - interval '11 weeks')::date
        ORDER BY week_start`,
      [teamId, userId],
    ],
    [
      'recent activity (latest check-ins)',
      `SELECT id, user_id, score, created_at FROM check_ins
        WHERE team_id = $1 ORDER BY week_start DESC, created_at DESC LIMIT 10`,
      [teamId],
    ],
  ]
  return withClient(database, async (client) => {
    const plans: { name: string; plan: string }[] = []
    for (const [name, sql, values] of queries) {
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
        values
      )
      plans.push({ name, plan: rows.map((row) => row['QUERY PLAN']).join('\n') })
    }
    return plans
  })
}

/**
 * One check-in per member of the bench teams (or of `onlyTeam`) for each
 * week `from` to `to` (exclusive) weeks ago, scores 1–10; weeks a member
 * already has are left as they are.
 */
async function writeCheckIns(client: pg.Client, from: number, to: number, onlyTeam?: string) {
  await client.query(
    `INSERT INTO check_ins (team_id, user_id, week_start, productive, satisfied, body, care,
                            created_at, updated_at)
     SELECT membership.team_id, membership.user_id, week.start,
            1 + floor(random() * 10)::int, 1 + floor(random() * 10)::int,
            1 + floor(random() * 10)::int, 1 + floor(random() * 10)::int,
            week.start + interval '4 days', week.start + interval '4 days'
       FROM generate_series($1::int, $2::int - 1) AS weeks_ago
      CROSS JOIN LATERAL (
            SELECT (date_trunc('week', now()) - weeks_ago * interval '1 week')::date AS start
           ) AS week
      CROSS JOIN (SELECT team_id, user_id FROM team_memberships
                   WHERE team_id IN (SELECT id FROM teams WHERE name LIKE $3)
                     AND ($4::uuid IS NULL OR team_id = $4::uuid)) AS membership
      ORDER BY weeks_ago DESC, random()
     ON CONFLICT (user_id, team_id, week_start) DO NOTHING`,
    [from, to, TEAM_NAME, onlyTeam ?? null]
  )
}

async function countCheckIns(client: pg.Client) {
  const { rows } = await client.query<{ total: string }>(
    `SELECT count(*) AS total FROM check_ins
      WHERE team_id IN (SELECT id FROM teams WHERE name LIKE $1)`,
    [TEAM_NAME]
  )
  return Number(rows[0].total)
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
