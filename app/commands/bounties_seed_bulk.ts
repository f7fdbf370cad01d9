import { DateTime } from 'luxon'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import hash from '@adonisjs/core/services/hash'
import router from '@adonisjs/core/services/router'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger from '#ledger/ledger'
import Money from '#ledger/money'
import { verifyLedger } from '#ledger/verify'
import { progressBar } from '#services/progress_bar'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import BountyEvent from '#models/bounty_event'
import Category from '#models/category'
import Tag from '#models/tag'
import User from '#models/user'
import type { BountyPriority } from '#enums/bounty'
import BountyEscrow from '#actions/bounties/escrow'
import DepositFunds from '#actions/treasury/deposit_funds'
import { CATEGORIES } from '#database/seeders/bounty_seeder'

const BENCH_PASSWORD = 'Corps2026'

/**
 * How a bounty's story ends, with its share of the board.
 */
const FATES = [
  ['available', 0.65],
  ['in_progress', 0.12],
  ['review', 0.05],
  ['completed', 0.1],
  ['cancelled', 0.05],
  ['draft', 0.03],
] as const
type Fate = (typeof FATES)[number][0]

const VERBS = [
  'Fix',
  'Add',
  'Speed up',
  'Redesign',
  'Document',
  'Test',
  'Refactor',
  'Audit',
  'Migrate',
  'Translate',
]
const SUBJECTS = [
  'the login form',
  'the wallet history',
  'the board filters',
  'the bounty page',
  'the notification centre',
  'the CSV export',
  'the admin treasury',
  'the profile page',
  'the API docs',
  'the check-in reminders',
  'the search ranking',
  'the deploy script',
  'the onboarding emails',
  'the leaderboard',
  'the file uploads',
]
const DETAILS = [
  'on small screens',
  'for screen readers',
  'under load',
  'in Japanese',
  'with tests',
  'without downtime',
  'for the next release',
  'before the audit',
]
const TAGS = [
  'bug',
  'performance',
  'accessibility',
  'CSS',
  'TypeScript',
  'PostgreSQL',
  'testing',
  'security',
  'writing',
  'UI',
  'API',
  'i18n',
  'Redis',
  'deploy',
  'design',
  'SVG',
  'mobile',
  'search',
  'export',
  'email',
]
const PRIORITIES: BountyPriority[] = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'HIGH', 'CRITICAL']

type Plan = {
  poster: User
  claimant: User
  title: string
  description: string
  reward: Money
  slots: number
  hours: number
  priority: BountyPriority
  categoryId: string | null
  tagIds: string[]
  deadline: DateTime | null
  publishedAt: DateTime
  fate: Fate
}

/**
 * A large board for benchmarks (npm run bench): bench members
 * (bench_0001…, password "Corps2026") post and work on `--count` bounties
 * in every state. Bounty rows are inserted in batches, but every movement
 * of money goes through the ledger and the escrow code the actions use:
 * the treasury deposits what each poster needs, published bounties are
 * escrowed, completed ones paid out, cancelled ones refunded. Ends with
 * `ledger:verify`'s check.
 */
export default class BountiesSeedBulk extends BaseCommand {
  static commandName = 'bounties:seed-bulk'
  static description =
    'Add many bounties in every state for benchmarks, with escrow, payouts and refunds through the ledger'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'How many bounties to add', default: 10000 })
  declare count: number

  @flags.number({ description: 'Bench members who post and claim them', default: 200 })
  declare members: number

  @flags.number({ description: 'Bounties per database transaction', default: 250 })
  declare batchSize: number

  @flags.number({ description: 'Seed of the random choices (same seed, same board)', default: 1 })
  declare seed: number

  async run() {
    // Deposits notify members with links built from named routes; outside
    // the HTTP server nothing has committed the routes yet.
    router.commit()
    const leader = await User.query()
      .where('role', 'OYAKATASAMA')
      .whereNull('deleted_at')
      .orderBy('created_at')
      .first()
    if (!leader) {
      this.logger.error(
        'A Leader makes the deposits: run `node ace db:seed` or `node ace user:create --role=OYAKATASAMA` first'
      )
      this.exitCode = 1
      return
    }

    const random = mulberry32(this.seed)
    const members = await this.benchMembers()
    const plans = this.plan(random, members, await this.categoryIds(), await this.tagIds())
    await this.fund(leader, plans)

    const started = Date.now()
    for (let done = 0; done < plans.length; done += this.batchSize) {
      const batch = plans.slice(done, done + this.batchSize)
      await Ledger.transaction((trx) => this.insert(trx, batch))
      this.progress(done + batch.length, plans.length, started)
    }
    this.logger.logUpdatePersist()

    const report = await verifyLedger()
    if (report.ok) {
      this.logger.success(
        `${plans.length.toLocaleString('en')} bounties added in ${((Date.now() - started) / 1000).toFixed(1)} s; ledger verified`
      )
    } else {
      this.logger.error(`Ledger check failed: ${report.problemCount} problem(s)`)
      this.exitCode = 1
    }
  }

  /**
   * The bench members, created the first time (one password hash for all).
   */
  private async benchMembers() {
    const names = Array.from(
      { length: this.members },
      (_, index) => `bench_${String(index + 1).padStart(4, '0')}`
    )
    const existing = await User.query().whereIn('username', names)
    const missing = names.filter((name) => !existing.some((user) => user.username === name))
    if (missing.length) {
      const password = await hash.make(BENCH_PASSWORD)
      await db.table('users').multiInsert(
        missing.map((username, index) => ({
          username,
          email: `${username}@bench.corps.test`,
          password,
          first_name: 'Bench',
          last_name: `Member ${index + 1}`,
          role: 'SLAYER',
          email_verified_at: new Date(),
        }))
      )
    }
    return User.query().whereIn('username', names).orderBy('username')
  }

  private async categoryIds() {
    for (const category of CATEGORIES) {
      await Category.firstOrCreate({ slug: category.slug }, category)
    }
    const categories = await Category.all()
    return categories.map((category) => category.id)
  }

  private async tagIds() {
    const tags = await Tag.findOrCreateMany(TAGS, db.connection())
    return tags.map((tag) => tag.id)
  }

  /**
   * Every bounty decided up front, so the deposits can cover exactly what
   * each poster escrows.
   */
  private plan(
    random: () => number,
    members: User[],
    categoryIds: string[],
    tagIds: string[]
  ): Plan[] {
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const now = DateTime.now()
    return Array.from({ length: this.count }, (_, index) => {
      const poster = members[index % members.length]
      const claimant =
        members[(index + 1 + Math.floor(random() * (members.length - 1))) % members.length]
      const roll = random()
      let cumulative = 0
      const fate = FATES.find(([, share]) => (cumulative += share) >= roll)?.[0] ?? 'available'
      const slots = random() < 0.05 ? 2 + Math.floor(random() * 3) : 1
      const tags = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(tagIds)))
      const title = `${pick(VERBS)} ${pick(SUBJECTS)} ${pick(DETAILS)}`
      return {
        poster,
        claimant,
        title,
        description: `${title}.\n\n**Done when**\n- it works ${pick(DETAILS)}\n- the change is reviewed\n\nBench bounty #${index + 1}.`,
        reward: Money.fromCents(500 + Math.floor(random() * 100) * 500),
        slots,
        hours: 1 + Math.floor(random() * 40),
        priority: pick(PRIORITIES),
        categoryId: random() < 0.85 ? pick(categoryIds) : null,
        tagIds: [...tags],
        deadline: random() < 0.6 ? now.plus({ days: 2 + Math.floor(random() * 120) }) : null,
        publishedAt: now.minus({ minutes: Math.floor(random() * 180 * 24 * 60) }),
        fate,
      }
    })
  }

  /**
   * One treasury deposit per poster: exactly what their bounties escrow.
   */
  private async fund(leader: User, plans: Plan[]) {
    const needs = new Map<User, Money>()
    for (const plan of plans) {
      if (plan.fate === 'draft') continue
      needs.set(
        plan.poster,
        (needs.get(plan.poster) ?? Money.ZERO).plus(plan.reward.times(plan.slots))
      )
    }
    for (const [poster, amount] of needs) {
      await DepositFunds.handle(
        { user: leader, ip: null },
        { recipient: poster, amount, description: 'Bench funding' }
      )
    }
  }

  private async insert(trx: TransactionClientContract, batch: Plan[]) {
    const bounties = await Bounty.createMany(
      batch.map((plan) => ({
        title: plan.title,
        description: plan.description,
        bountyAmount: plan.reward,
        estimatedHours: plan.hours,
        deadline: plan.deadline,
        priority: plan.priority,
        maxCompletions: plan.slots,
        categoryId: plan.categoryId,
        createdBy: plan.poster.id,
        status: 'AVAILABLE' as const,
        isDraft: true,
        createdAt: plan.publishedAt,
        updatedAt: plan.publishedAt,
      })),
      { client: trx }
    )
    await trx
      .insertQuery()
      .table('bounty_tags')
      .multiInsert(
        bounties.flatMap((bounty, index) =>
          batch[index].tagIds.map((tagId) => ({ bounty_id: bounty.id, tag_id: tagId }))
        )
      )
    for (const [index, bounty] of bounties.entries()) {
      const plan = batch[index]
      await BountyEvent.record(trx, bounty.id, 'created', plan.poster, {
        draft: plan.fate === 'draft',
      })
      if (plan.fate !== 'draft') await this.playOut(trx, bounty, plan)
    }
  }

  /**
   * Publishes a bounty (escrow held) and takes it to its fate the way the
   * actions would: claims, a payout from escrow, or a refund.
   */
  private async playOut(trx: TransactionClientContract, bounty: Bounty, plan: Plan) {
    bounty.useTransaction(trx)
    bounty.$setRelated('liveClaims', [])
    bounty.merge({ isDraft: false, publishedAt: plan.publishedAt })
    await BountyEscrow.fund(trx, bounty, plan.poster)
    await BountyEvent.record(trx, bounty.id, 'published', plan.poster, {
      amount: bounty.bountyAmount.toString(),
      slots: bounty.maxCompletions,
    })

    if (plan.fate === 'cancelled') {
      bounty.merge({ status: 'CANCELLED', cancelledAt: DateTime.now() })
      await BountyEvent.record(trx, bounty.id, 'cancelled', plan.poster, {
        reason: 'No longer needed',
      })
      await BountyEscrow.refund(trx, bounty, plan.poster, 'cancelled')
    } else if (plan.fate !== 'available') {
      const claim = await BountyClaim.create(
        {
          bountyId: bounty.id,
          userId: plan.claimant.id,
          status: plan.fate === 'in_progress' ? 'IN_PROGRESS' : 'REVIEW',
          lastActivityAt: DateTime.now(),
          submittedAt: plan.fate === 'in_progress' ? null : DateTime.now(),
        },
        { client: trx }
      )
      bounty.$pushRelated('liveClaims', claim)
      const by = { userId: plan.claimant.id, username: plan.claimant.username, claimId: claim.id }
      await BountyEvent.record(trx, bounty.id, 'claimed', plan.claimant, by)
      if (plan.fate !== 'in_progress') {
        await BountyEvent.record(trx, bounty.id, 'submitted', plan.claimant, by)
      }
      if (plan.fate === 'completed') {
        await BountyEvent.record(trx, bounty.id, 'approved', plan.poster, by)
        const entryId = await BountyEscrow.pay(trx, bounty, claim, plan.claimant, plan.poster)
        claim.approve(entryId)
        await claim.save()
      }
      bounty.applyClaims()
    }
    await bounty.save()
  }

  private progress(done: number, total: number, started: number) {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000)
    this.logger.logUpdate(`${progressBar(done, total)} bounties · ${Math.round(rate)}/s`)
  }
}

/**
 * A small seeded random generator: the same seed gives the same board.
 */
function mulberry32(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
