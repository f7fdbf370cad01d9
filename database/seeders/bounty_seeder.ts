import { DateTime, Settings } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import router from '@adonisjs/core/services/router'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import Category from '#models/category'
import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import User from '#models/user'
import type { BountyPriority } from '#enums/bounty'
import DepositFunds from '#actions/treasury/deposit_funds'
import CreateBounty from '#actions/bounties/create_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import AssignBounty from '#actions/bounties/assign_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import ApproveWork from '#actions/bounties/approve_work'
import RequestChanges from '#actions/bounties/request_changes'
import CancelBounty from '#actions/bounties/cancel_bounty'
import AddComment from '#actions/bounties/add_comment'
import MainSeeder, { DEMO_USERS } from '#database/seeders/main_seeder'

/**
 * The demo categories (the bulk command reuses them).
 */
export const CATEGORIES = [
  {
    name: 'Frontend',
    slug: 'frontend',
    description: 'Pages, components, everything in the browser.',
  },
  { name: 'Backend', slug: 'backend', description: 'APIs, queries, jobs and the database.' },
  { name: 'Design', slug: 'design', description: 'Interfaces, illustrations and brand.' },
  { name: 'DevOps', slug: 'devops', description: 'Builds, deploys, monitoring.' },
  { name: 'Documentation', slug: 'documentation', description: 'Guides, references, changelogs.' },
  { name: 'Quality', slug: 'quality', description: 'Tests, reviews and bug hunts.' },
  { name: 'Security', slug: 'security', description: 'Audits, hardening, incident follow-ups.' },
  { name: 'Data', slug: 'data', description: 'Reports, analytics and dashboards.' },
]

/**
 * What each demo member starts with, granted by the treasury.
 */
const GRANTS: Record<string, string> = {
  kagaya: '25000.00',
  rengoku: '9000.00',
  shinobu: '7000.00',
  tanjiro: '2500.00',
  nezuko: '2000.00',
  zenitsu: '1500.00',
  inosuke: '1500.00',
}

/**
 * One slot's story: who works on it and how far it got. `assignedBy`
 * hands it over instead of a claim; `reviewer` approves or asks for
 * changes (the poster by default).
 */
type Work = {
  by: string
  stage: 'claimed' | 'submitted' | 'changes' | 'approved'
  assignedBy?: string
  reviewer?: string
  note?: string
  reason?: string
}

type Story = {
  poster: string
  title: string
  description: string
  reward: string
  priority: BountyPriority
  category: string
  tags: string[]
  /**
   * Days ago it was posted; the rest of its story follows in order.
   */
  age: number
  hours?: number
  /**
   * Days from today (the real today) to its deadline.
   */
  due?: number
  slots?: number
  draft?: boolean
  work?: Work[]
  cancel?: string
  comments?: [string, string][]
}

const STORIES: Story[] = [
  {
    poster: 'rengoku',
    title: 'Cut the board page’s p99 latency under 100 ms',
    description:
      'The board slows down once a few thousand bounties exist.\n\n**Done when**\n- p99 under 100 ms at 50 concurrent users on the benchmark data\n- no N+1 queries (check with the query log)\n- the EXPLAIN output of the main query is in the pull request',
    reward: '450.00',
    priority: 'HIGH',
    category: 'backend',
    tags: ['performance', 'PostgreSQL'],
    age: 26,
    hours: 12,
    work: [
      {
        by: 'tanjiro',
        stage: 'approved',
        note: 'Added a partial index for the board and preloaded the tags in one query. p99 went from 240 ms to 38 ms; numbers in the PR description.',
      },
    ],
    comments: [
      [
        'tanjiro',
        'Profiled it: the tags are loaded once per card. @rengoku fine if I add a composite index too?',
      ],
      ['rengoku', 'Go for it, and paste the `EXPLAIN ANALYZE` before and after.'],
    ],
  },
  {
    poster: 'shinobu',
    title: 'End-to-end tests for the claim and review flow',
    description:
      'We have unit tests for every transition but nothing that drives a real browser through it.\n\nCover: post → claim → submit → request changes → approve, with the balances checked on both wallets.',
    reward: '300.00',
    priority: 'MEDIUM',
    category: 'quality',
    tags: ['testing', 'Playwright'],
    age: 9,
    hours: 8,
    due: 12,
    work: [
      {
        by: 'zenitsu',
        stage: 'submitted',
        note: 'Five scenarios, all green locally and in CI. They run in about four seconds.',
      },
    ],
    comments: [
      ['zenitsu', 'Started on this. @shinobu should the tests also run axe on every page?'],
      ['shinobu', 'Yes please, serious and critical violations should fail the run.'],
    ],
  },
  {
    poster: 'kagaya',
    title: 'Quarterly treasury report template',
    description:
      'A spreadsheet template the leaders can fill from the ledger export each quarter: deposits, payouts, refunds and what is still in escrow.',
    reward: '150.00',
    priority: 'LOW',
    category: 'data',
    tags: ['finance', 'spreadsheets'],
    age: 4,
    hours: 4,
    due: 30,
  },
  {
    poster: 'rengoku',
    title: 'Illustrations for the board’s empty states',
    description:
      'Three small illustrations (SVG, under 4 KB each) for: an empty board, no search results and no notifications. Friendly, on brand, readable in greyscale.',
    reward: '260.00',
    priority: 'MEDIUM',
    category: 'design',
    tags: ['illustration', 'UI'],
    age: 5,
    due: 16,
    work: [{ by: 'nezuko', stage: 'claimed' }],
  },
  {
    poster: 'kagaya',
    title: 'Rotate the database credentials without downtime',
    description:
      'Production still uses the credentials from the first deploy.\n\n1. Create the new role\n2. Roll the app processes one by one\n3. Revoke the old role\n\nWrite the runbook while you do it.',
    reward: '500.00',
    priority: 'CRITICAL',
    category: 'security',
    tags: ['PostgreSQL', 'runbook'],
    age: 3,
    hours: 6,
    due: 5,
    work: [{ by: 'inosuke', stage: 'claimed', assignedBy: 'kagaya' }],
    comments: [['inosuke', 'On it tonight, maintenance window 22:00–23:00 UTC.']],
  },
  {
    poster: 'shinobu',
    title: 'Fix the tag filter ignoring upper-case names',
    description:
      'Filtering the board by `TypeScript` finds nothing while `typescript` works. Tags should match whatever their case.',
    reward: '80.00',
    priority: 'HIGH',
    category: 'backend',
    tags: ['bug', 'search'],
    age: 18,
    hours: 2,
    work: [
      {
        by: 'tanjiro',
        stage: 'approved',
        reviewer: 'rengoku',
        note: 'Compare on `lower(name)`, with a test for mixed case.',
      },
    ],
  },
  {
    poster: 'tanjiro',
    title: 'Dark mode for the whole app',
    description:
      'Respect `prefers-color-scheme`. Every colour pair must keep at least 4.5:1 contrast; no flash of the light theme on load.',
    reward: '240.00',
    priority: 'LOW',
    category: 'frontend',
    tags: ['CSS', 'accessibility'],
    age: 2,
    hours: 10,
  },
  {
    poster: 'rengoku',
    title: 'Three blog posts about how we use the API',
    description:
      'One post each, 800–1,200 words, with runnable examples:\n\n- posting bounties from a script\n- following live events\n- idempotent payments\n\nEach slot is one post.',
    reward: '120.00',
    priority: 'MEDIUM',
    category: 'documentation',
    tags: ['writing', 'API'],
    age: 15,
    due: 25,
    slots: 3,
    work: [
      {
        by: 'zenitsu',
        stage: 'approved',
        note: 'Post one: posting bounties from a script. Draft in the shared folder.',
      },
      {
        by: 'tanjiro',
        stage: 'submitted',
        note: 'Post two: live events with the Transmit client, with a small demo page.',
      },
    ],
  },
  {
    poster: 'kagaya',
    title: 'Onboarding checklist for new members',
    description:
      'A one-page checklist: accounts to create, channels to join, who to ask for what, and the first bounty to pick up.',
    reward: '90.00',
    priority: 'LOW',
    category: 'documentation',
    tags: ['writing', 'onboarding'],
    age: 22,
    work: [
      { by: 'nezuko', stage: 'approved', note: 'Checklist done, reviewed with two new members.' },
    ],
  },
  {
    poster: 'shinobu',
    title: 'Audit the file upload checks',
    description:
      'Uploads check the extension and the bytes. Try to get something past them: polyglot files, SVG with scripts, double extensions, huge files.\n\nReport what you tried even when it failed.',
    reward: '350.00',
    priority: 'HIGH',
    category: 'security',
    tags: ['security', 'uploads'],
    age: 7,
    hours: 6,
    due: 10,
    work: [
      {
        by: 'inosuke',
        stage: 'changes',
        note: 'Tried 14 tricks, nothing got through. Report attached as markdown.',
        reason:
          'Great start. Please add the exact files you used so we can turn them into regression tests.',
      },
    ],
  },
  {
    poster: 'rengoku',
    title: 'Keyboard shortcuts on the board',
    description:
      '`/` focuses search, `j`/`k` move between bounties, `Enter` opens one. Must not fire while typing in a field.',
    reward: '110.00',
    priority: 'LOW',
    category: 'frontend',
    tags: ['accessibility', 'JavaScript'],
    age: 1,
    due: 21,
  },
  {
    poster: 'kagaya',
    title: 'Monthly earnings chart on the dashboard',
    description:
      'A bar chart of earnings per month for the last 12 months, rendered on the server (SVG), with a table fallback for screen readers.',
    reward: '220.00',
    priority: 'MEDIUM',
    category: 'data',
    tags: ['charts', 'SVG'],
    age: 6,
    hours: 8,
    due: 18,
  },
  {
    poster: 'shinobu',
    title: 'Translate the notification emails to Japanese',
    description:
      'Eleven email templates. Keep the tone friendly and short; the subject lines matter most.',
    reward: '180.00',
    priority: 'MEDIUM',
    category: 'documentation',
    tags: ['i18n', 'writing'],
    age: 12,
    cancel: 'We are moving to a translation service instead.',
  },
  {
    poster: 'tanjiro',
    title: 'Logo refresh: the diamond mark at small sizes',
    description:
      'The ◆ mark turns into a blob at 16 px. Redraw it so it stays crisp as a favicon and in the header.',
    reward: '140.00',
    priority: 'LOW',
    category: 'design',
    tags: ['branding', 'SVG'],
    age: 20,
    work: [
      {
        by: 'nezuko',
        stage: 'approved',
        note: 'Pixel-fitted versions at 16, 32 and 48 px, plus the SVG.',
      },
    ],
    comments: [
      ['nezuko', 'Two options in the file; I prefer the second one with the thicker outline.'],
      ['tanjiro', 'Second one it is, looks great @nezuko!'],
    ],
  },
  {
    poster: 'rengoku',
    title: 'Zero-downtime deploys with two app processes',
    description:
      'Run two processes behind the load balancer and roll them one at a time. Live notifications must survive the roll (Redis transport).',
    reward: '600.00',
    priority: 'HIGH',
    category: 'devops',
    tags: ['deploy', 'Redis'],
    age: 4,
    hours: 16,
    due: 14,
    work: [
      {
        by: 'inosuke',
        stage: 'submitted',
        note: 'Rolling deploy script and a drill log: 0 failed requests over 3 deploys under load.',
      },
    ],
  },
  {
    poster: 'kagaya',
    title: 'Clean up the old staging servers',
    description:
      'Three staging machines from last year still run. Snapshot what is worth keeping and shut them down.',
    reward: '70.00',
    priority: 'LOW',
    category: 'devops',
    tags: ['cleanup'],
    age: 16,
    cancel: 'Already done by the hosting provider when the contract ended.',
  },
  {
    poster: 'shinobu',
    title: 'Accessibility review of the wallet page',
    description:
      'Screen reader pass (NVDA or VoiceOver) and keyboard only. Write up what is hard to use, then fix what you can.',
    reward: '160.00',
    priority: 'MEDIUM',
    category: 'quality',
    tags: ['accessibility', 'review'],
    age: 2,
    hours: 5,
    due: 9,
    work: [{ by: 'zenitsu', stage: 'claimed' }],
  },
  {
    poster: 'rengoku',
    title: 'Rate-limit the password reset form per account',
    description:
      'Today it is limited per IP only. Add a per-account limit and make sure the response never reveals whether the account exists.',
    reward: '200.00',
    priority: 'HIGH',
    category: 'security',
    tags: ['security', 'auth'],
    age: 11,
    work: [
      {
        by: 'tanjiro',
        stage: 'approved',
        reviewer: 'shinobu',
        note: 'Five per hour per account, same answer either way, tests included.',
      },
    ],
  },
  {
    poster: 'kagaya',
    title: 'Weekly digest email design',
    description:
      'One email summing up the week: new bounties matching your tags, what you earned, what waits for your review.',
    reward: '190.00',
    priority: 'MEDIUM',
    category: 'design',
    tags: ['email', 'UI'],
    age: 1,
    due: 20,
  },
  {
    poster: 'tanjiro',
    title: 'CSV export for the treasury explorer',
    description:
      'Same filters as the page, streamed so large exports do not eat memory. Formulas in cells must be defused.',
    reward: '130.00',
    priority: 'MEDIUM',
    category: 'backend',
    tags: ['CSV', 'export'],
    age: 8,
    hours: 4,
    due: 15,
    work: [
      {
        by: 'zenitsu',
        stage: 'submitted',
        note: 'Streams in 1,000-row batches; a leading `=`, `+`, `-` or `@` gets a quote.',
      },
    ],
  },
  {
    poster: 'shinobu',
    title: 'Flaky test: notifications arrive out of order',
    description:
      'About one run in twenty fails on the ordering of live notifications. Find out why and fix the cause, not the test.',
    reward: '120.00',
    priority: 'HIGH',
    category: 'quality',
    tags: ['bug', 'testing'],
    age: 3,
    due: 7,
    work: [
      {
        by: 'tanjiro',
        stage: 'changes',
        note: 'Sorted by id instead of created_at.',
        reason:
          'This hides it in the test but the page can still show them out of order: please fix the broadcast side too.',
      },
    ],
    comments: [
      [
        'tanjiro',
        '@shinobu two notifications created in the same millisecond get the same created_at, that is the whole story.',
      ],
    ],
  },
  {
    poster: 'rengoku',
    title: 'Postgres read replica for the reports',
    description:
      'Point the analytics pages at a replica. Document the lag we accept and what happens when the replica is down.',
    reward: '400.00',
    priority: 'MEDIUM',
    category: 'devops',
    tags: ['PostgreSQL', 'infrastructure'],
    age: 2,
    hours: 10,
    due: 28,
  },
  {
    poster: 'kagaya',
    title: 'Bug bounty: money moving twice',
    description:
      'Find any way to make Corps move money twice for one action: double clicks, retries, races, replays.\n\nEach confirmed finding is one slot.',
    reward: '750.00',
    priority: 'CRITICAL',
    category: 'security',
    tags: ['security', 'ledger'],
    age: 10,
    due: 40,
    slots: 2,
    work: [{ by: 'inosuke', stage: 'claimed' }],
    comments: [
      ['kagaya', 'Reminder: report findings privately to me or @rengoku, not in the comments.'],
    ],
  },
  {
    poster: 'tanjiro',
    title: 'Markdown preview while writing a comment',
    description:
      'A "Preview" tab next to the comment box, using the same sanitiser as the server. Must work without JavaScript (it just is not there).',
    reward: '100.00',
    priority: 'LOW',
    category: 'frontend',
    tags: ['markdown', 'JavaScript'],
    age: 13,
    cancel: 'Superseded by the new editor bounty.',
  },
  {
    poster: 'shinobu',
    title: 'Seed data for the demo environment',
    description:
      'Believable bounties in every state, comments with mentions, colourful tags, all created through the real actions so the ledger stays consistent.',
    reward: '210.00',
    priority: 'MEDIUM',
    category: 'backend',
    tags: ['demo', 'data'],
    age: 14,
    work: [{ by: 'zenitsu', stage: 'approved', note: 'Seeder plus a bulk option for benchmarks.' }],
  },
  {
    poster: 'rengoku',
    title: 'Health check dashboard for on-call',
    description:
      'A single page showing readiness of every process, database lag and queue sizes, refreshed every 10 seconds.',
    reward: '280.00',
    priority: 'MEDIUM',
    category: 'devops',
    tags: ['monitoring'],
    age: 5,
    due: 24,
  },
  {
    poster: 'kagaya',
    title: 'Team check-in reminders',
    description: 'Remind members who have not checked in by Friday noon, once, in their time zone.',
    reward: '95.00',
    priority: 'LOW',
    category: 'backend',
    tags: ['notifications'],
    age: 3,
    due: 35,
  },
  {
    poster: 'tanjiro',
    title: 'Profile page layout on small screens',
    description:
      'On a 360 px wide phone the profile facts overflow and the avatar squashes the name. Make it read well down to 320 px.',
    reward: '60.00',
    priority: 'MEDIUM',
    category: 'frontend',
    tags: ['CSS', 'mobile'],
    age: 6,
    work: [
      {
        by: 'nezuko',
        stage: 'submitted',
        note: 'Stacked layout under 480 px, checked on three phones.',
      },
    ],
  },
  {
    poster: 'shinobu',
    title: 'Glossary of Corps terms',
    description:
      'Bounty, slot, escrow, claim window, Pillar… one sentence each, linked from the help menu.',
    reward: '45.00',
    priority: 'LOW',
    category: 'documentation',
    tags: ['writing'],
    age: 1,
    due: 30,
  },
  {
    poster: 'rengoku',
    title: 'Search ranking: titles before descriptions',
    description:
      'A match in the title should rank above one in the description. Add `ts_rank` ordering when a search is active.',
    reward: '170.00',
    priority: 'MEDIUM',
    category: 'backend',
    tags: ['search', 'PostgreSQL'],
    age: 0.5,
    due: 19,
  },
  {
    poster: 'kagaya',
    title: 'Printable certificate for completed bounties',
    description:
      'A PDF members can download for each completed bounty, with the reward and the reviewer’s name.',
    reward: '130.00',
    priority: 'LOW',
    category: 'design',
    tags: ['PDF', 'branding'],
    age: 1,
    draft: true,
  },
  {
    poster: 'rengoku',
    title: 'Migrate the CI to the new runners',
    description:
      'Move every job to the new runner pool and delete the old config. Builds should not get slower.',
    reward: '320.00',
    priority: 'MEDIUM',
    category: 'devops',
    tags: ['CI'],
    age: 0.2,
    draft: true,
  },
  {
    poster: 'tanjiro',
    title: 'Emoji reactions on comments',
    description:
      'Six fixed reactions, counted per comment, toggled without a page reload (and with one without JavaScript).',
    reward: '85.00',
    priority: 'LOW',
    category: 'frontend',
    tags: ['UI', 'comments'],
    age: 0.1,
    draft: true,
  },
]

/**
 * The steps run on a moved clock (luxon's `Settings.now`), which the models
 * follow; money movements, history lines and notifications take their time
 * from the database instead. This gives what `step` wrote since `since` the
 * step's time, so wallets, charts and bells tell the same story as the
 * bounties' timelines. Demo data only: ledger entries are otherwise
 * immutable (the seeder switches that guard off around its steps).
 */
async function stampDatabaseTimes(since: Date, at: Date) {
  await db.rawQuery('UPDATE ledger_entries SET created_at = ? WHERE created_at >= ?', [at, since])
  await db.rawQuery(
    'UPDATE transactions SET created_at = ?, updated_at = ? WHERE created_at >= ?',
    [at, at, since]
  )
  await db.rawQuery(
    `UPDATE notifications SET created_at = ?,
            emailed_at = CASE WHEN emailed_at IS NULL THEN NULL ELSE ?::timestamptz END
      WHERE created_at >= ?`,
    [at, at, since]
  )
}

/**
 * A believable board for `npm run dev` (J1): bounties in every
 * state, with comments, mentions, reviews, payouts and refunds. Everything
 * goes through the real actions, so the ledger, wallet histories,
 * timelines and notifications agree; the stories are spread over the past
 * weeks by moving Luxon's clock as they play out, in time order. Emails
 * are not sent (they would only fill tmp/mail).
 *
 * Runs once: it does nothing when bounties already exist. It makes sure the
 * demo accounts exist first (MainSeeder is idempotent), whatever order the
 * seeders run in. For a large board use `node ace bounties:seed-bulk`.
 */
export default class BountySeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    if (await Bounty.query().select('id').first()) {
      console.log('Demo bounties already present')
      return
    }
    await new MainSeeder(this.client).run()
    // Notifications link to pages by route name; outside the HTTP server
    // nothing has committed the routes yet (commit is idempotent).
    router.commit()

    const users = new Map<string, User>()
    for (const user of await User.query().whereIn(
      'username',
      DEMO_USERS.map((demo) => demo.username)
    )) {
      users.set(user.username, user)
    }
    const member = (username: string) => users.get(username)!

    for (const [position, category] of CATEGORIES.entries()) {
      await Category.updateOrCreate({ slug: category.slug }, { ...category, position })
    }

    const realNow = Date.now()
    const steps = this.plan(STORIES, member, realNow)
    mail.fake()
    await db.rawQuery('ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_immutable')
    try {
      for (const step of steps.sort((a, b) => a.at - b.at)) {
        Settings.now = () => step.at
        const { rows } = await db.rawQuery<{ rows: { started: Date }[] }>(
          'SELECT clock_timestamp() AS started'
        )
        await step.run()
        await stampDatabaseTimes(rows[0].started, new Date(step.at))
      }
    } finally {
      await db.rawQuery('ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_immutable')
      Settings.now = () => Date.now()
      mail.restore()
    }

    const counts = await db
      .from('bounties')
      .select('status', 'is_draft')
      .count('* as total')
      .groupBy('status', 'is_draft')
      .orderBy('status')
    console.log(`Demo bounties: ${STORIES.length}`)
    for (const row of counts) {
      console.log(`  ${(row.is_draft ? 'DRAFT' : row.status).padEnd(12)} ${row.total}`)
    }
    // The admin pages show the last ledger check: the demo starts with one.
    const { report } = await RunLedgerVerification.handle({ source: 'command' })
    console.log(`Ledger check: ${report.ok ? 'clean' : `${report.problemCount} problem(s)`}`)
  }

  /**
   * Every story as timed steps: posted `age` days ago, claimed, submitted,
   * reviewed and commented on at fractions of the time since then.
   */
  private plan(stories: Story[], member: (username: string) => User, realNow: number) {
    const day = 24 * 60 * 60 * 1000
    const steps: { at: number; run: () => Promise<unknown> }[] = []
    const kagaya = member('kagaya')

    for (const [username, amount] of Object.entries(GRANTS)) {
      steps.push({
        at: realNow - 30 * day,
        run: () =>
          DepositFunds.handle(
            { user: kagaya, ip: null },
            {
              recipient: member(username),
              amount: Money.parse(amount),
              description: 'Welcome grant',
            }
          ),
      })
    }

    for (const story of stories) {
      const start = realNow - story.age * day
      const at = (fraction: number) => start + fraction * story.age * day
      const poster = member(story.poster)
      const deadline = story.due ? DateTime.now().plus({ days: story.due }) : null
      let bounty: Bounty

      steps.push({
        at: start,
        run: async () => {
          bounty = await CreateBounty.handle(poster, {
            title: story.title,
            description: story.description,
            bountyAmount: Money.parse(story.reward),
            estimatedHours: story.hours ?? null,
            deadline,
            priority: story.priority,
            tags: story.tags,
            category: story.category,
            maxCompletions: story.slots ?? 1,
            draft: story.draft ?? false,
          })
        },
      })

      story.work?.forEach((work, index) => {
        const worker = member(work.by)
        const offset = index * 0.05
        steps.push({
          at: at(0.2 + offset),
          run: () =>
            work.assignedBy
              ? AssignBounty.handle(member(work.assignedBy), bounty, worker)
              : ClaimBounty.handle(worker, bounty),
        })
        if (work.stage === 'claimed') return
        steps.push({
          at: at(0.55 + offset),
          run: () => SubmitWork.handle(worker, bounty, { note: work.note ?? 'Ready for review.' }),
        })
        const reviewer = member(work.reviewer ?? story.poster)
        if (work.stage === 'approved') {
          steps.push({
            at: at(0.75 + offset),
            run: () => ApproveWork.handle(reviewer, bounty, { userId: worker.id }),
          })
        } else if (work.stage === 'changes') {
          steps.push({
            at: at(0.75 + offset),
            run: () =>
              RequestChanges.handle(reviewer, bounty, {
                reason: work.reason ?? 'A few things to change.',
                userId: worker.id,
              }),
          })
        }
      })

      story.comments?.forEach(([author, content], index) => {
        steps.push({
          at: at(0.1 + (0.8 * (index + 1)) / (story.comments!.length + 1)),
          run: () => AddComment.handle(member(author), bounty, { content }),
        })
      })

      if (story.cancel) {
        steps.push({
          at: at(0.6),
          run: () => CancelBounty.handle(poster, bounty, { reason: story.cancel }),
        })
      }
    }
    return steps
  }
}
