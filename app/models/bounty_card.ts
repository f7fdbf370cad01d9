import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Money from '#ledger/money'
import type { BountyPriority, BountyStatus, ClaimStatus } from '#enums/bounty'
import { columnsOf } from '#services/prefixed_columns'
import Bounty, { type BoardFilters } from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import Category from '#models/category'
import Tag from '#models/tag'
import User from '#models/user'
import {
  LIVE_CLAIM_STATUSES,
  hasPassed,
  isActiveClaimStatus,
  isClosedStatus,
  slotsOpen,
} from '#models/bounty_rules'

type Row = Record<string, any>

/**
 * What cards and the API show of a person: name, handle and avatar.
 */
const CARD_USER_COLUMNS = ['id', 'username', 'first_name', 'last_name', 'avatar_url']

/**
 * A row as JSON with every value as text (which is what the database
 * driver hands Lucid for these columns anyway: uuids, strings, and
 * timestamps in the `YYYY-MM-DD HH:MM:SS+00` form that Lucid's date columns
 * read). Only for tables without numbers, booleans or JSON columns.
 */
function textRow(alias: string, columns: readonly string[]) {
  return `json_build_object(${columns.map((name) => `'${name}', ${alias}.${name}::text`).join(', ')})`
}

/**
 * The `card` column: a bounty's creator, assignee, category, tags and live
 * claims with their members as one json value, computed beside the bounty
 * (built on first use: the models it reads columns from import this
 * module). People come with the columns a card shows only: no password
 * hashes or secrets ride along.
 */
let cardSql: string | undefined
function cardColumn() {
  const member = (alias: string) => textRow(alias, CARD_USER_COLUMNS)
  const live = LIVE_CLAIM_STATUSES.map((status) => `'${status}'`).join(', ')
  cardSql ??= `SELECT json_build_object(
    'creator', (SELECT ${member('u')} FROM users u WHERE u.id = bounties.created_by),
    'assignee', (SELECT ${member('u')} FROM users u WHERE u.id = bounties.assigned_to),
    'category', (SELECT ${textRow('c', ['id', 'name', 'slug', 'description'])} FROM categories c
                  WHERE c.id = bounties.category_id),
    'tags', COALESCE((SELECT json_agg(${textRow('t', ['id', 'name', 'color'])} ORDER BY lower(t.name))
                        FROM bounty_tags bt JOIN tags t ON t.id = bt.tag_id
                       WHERE bt.bounty_id = bounties.id), '[]'::json),
    'claims', COALESCE((SELECT json_agg(
                          ${textRow('bc', columnsOf(BountyClaim))}::jsonb
                            || jsonb_build_object('user', ${member('u')})
                          ORDER BY bc.created_at)
                          FROM bounty_claims bc JOIN users u ON u.id = bc.user_id
                         WHERE bc.bounty_id = bounties.id AND bc.status IN (${live})), '[]'::json)
  )`
  return cardSql
}

type CardRow = {
  creator: Record<string, unknown> | null
  assignee: Record<string, unknown> | null
  category: Record<string, unknown> | null
  tags: Record<string, unknown>[]
  claims: ({ user: Record<string, unknown> } & Record<string, unknown>)[]
}

/**
 * Adds the `card` column to a Bounty model query (the `withCard` scope) and
 * sets each loaded model's card relations from it. One column instead of
 * five preloads: each preload costs a round trip to the database.
 */
export function selectCard(query: ModelQueryBuilderContract<typeof Bounty>) {
  query
    .select('bounties.*')
    .select(db.raw(`(${cardColumn()}) AS card`))
    .rowTransformer((bounty) => attachCard(bounty as Bounty))
}

function attachCard(bounty: Bounty) {
  const card = bounty.$extras.card as CardRow | undefined
  if (!card) return
  delete bounty.$extras.card
  const member = (row: Record<string, unknown> | null) =>
    row ? User.$createFromAdapterResult(row)! : null
  bounty.$setRelated('creator', member(card.creator)!)
  bounty.$setRelated('assignee', member(card.assignee)!)
  bounty.$setRelated(
    'category',
    card.category ? Category.$createFromAdapterResult(card.category)! : null!
  )
  bounty.$setRelated(
    'tags',
    card.tags.map((tag) => Tag.$createFromAdapterResult(tag)!)
  )
  bounty.$setRelated(
    'liveClaims',
    card.claims.map(({ user, ...row }) => {
      const claim = BountyClaim.$createFromAdapterResult(row)!
      claim.$setRelated('user', member(user)!)
      return claim
    })
  )
}

/**
 * The `card` column for each of `ids`, by id.
 */
async function cardsOf(ids: string[]) {
  const cards = new Map<string, CardRow>()
  if (!ids.length) return cards
  const { rows } = await db.rawQuery<{ rows: { id: string; card: CardRow }[] }>(
    `SELECT bounties.id, (${cardColumn()}) AS card FROM bounties WHERE bounties.id = ANY(?::uuid[])`,
    [ids]
  )
  for (const { id, card } of rows) cards.set(id, card)
  return cards
}

export type CardPerson = {
  id: string
  username: string
  firstName: string | null
  lastName: string | null
  avatarUrl: string | null
}

export type CardClaim = {
  id: string
  status: ClaimStatus
  userId: string
  user: CardPerson
  isActive: boolean
  isCompleted: boolean
  createdAt: DateTime
  submittedAt: DateTime | null
  completedAt: DateTime | null
}

function person(row: Row | null): CardPerson | null {
  if (!row) return null
  return {
    id: row.id,
    username: row.username,
    firstName: row.first_name,
    lastName: row.last_name,
    avatarUrl: row.avatar_url,
  }
}

/**
 * Timestamps from the card json (`YYYY-MM-DD HH:MM:SS+00`) or the driver
 * (Date).
 */
function time(value: string | Date | null | undefined) {
  if (!value) return null
  return typeof value === 'string' ? DateTime.fromSQL(value) : DateTime.fromJSDate(value)
}

/**
 * A bounty as a list shows it (the board, drafts, the API's list): a
 * read-only object built from one row of `BountyCard.board`'s query, with the
 * same names as the Bounty model for everything a card and the API show.
 *
 * Why not the model: hydrating 20 Lucid models with their creator,
 * category, tags and claims (about a hundred proxied instances, every
 * timestamp parsed up front) was a large share of the board's time. Lists
 * never change what they show, so they read rows into these instead, and
 * parse a timestamp only when it is shown. Changes always go through the
 * model (`Bounty.lockForUpdate`).
 */
export default class BountyCard {
  /**
   * A page of bounties as lists show them (the board, drafts, the API's
   * list): what the viewer may see, filtered and sorted.
   *
   * Three queries: the count, the page, then the cards for the page's ids.
   * Kept apart from the page query, whose filter values make PostgreSQL
   * plan it afresh on every call, the card query by ids is planned once
   * per connection and reused.
   */
  static async board(viewer: User | null, filters: BoardFilters, page = 1, limit = 20) {
    const rows = await Bounty.query()
      .withScopes((scopes) => {
        scopes.visibleTo(viewer)
        scopes.matching(filters, viewer)
        scopes.sortedBy(filters.sort)
      })
      .select('bounties.*')
      .pojo<Record<string, any>>()
      .paginate(page, limit)
    const cards = await cardsOf(rows.all().map((row) => row.id))
    return new SimplePaginator(
      rows.total,
      rows.perPage,
      rows.currentPage,
      ...rows.all().map((row) => new BountyCard(Object.assign(row, { card: cards.get(row.id) })))
    )
  }

  readonly id: string
  readonly title: string
  readonly description: string
  readonly descriptionHtml: string
  readonly bountyAmount: Money
  readonly estimatedHours: number | null
  readonly status: BountyStatus
  readonly priority: BountyPriority
  readonly maxCompletions: number
  readonly claimWindowDays: number
  readonly teamId: string | null
  readonly isDraft: boolean
  readonly creator: CardPerson
  readonly assignee: CardPerson | null
  readonly category: { id: string; name: string; slug: string } | null
  readonly tags: { id: string; name: string; color: string }[]
  readonly liveClaims: CardClaim[]
  #row: Row
  #times = new Map<string, DateTime | null>()

  constructor(row: Row) {
    this.#row = row
    this.id = row.id
    this.title = row.title
    this.description = row.description
    this.descriptionHtml = row.description_html
    this.bountyAmount = Money.fromDb(row.bounty_amount)
    this.estimatedHours = row.estimated_hours
    this.status = row.status
    this.priority = row.priority
    this.maxCompletions = row.max_completions
    this.claimWindowDays = row.claim_window_days
    this.teamId = row.team_id
    this.isDraft = row.is_draft
    const card = row.card
    this.creator = person(card.creator)!
    this.assignee = person(card.assignee)
    this.category = card.category
    this.tags = card.tags
    this.liveClaims = card.claims.map((claim: Row) => ({
      id: claim.id,
      status: claim.status,
      userId: claim.user_id,
      user: person(claim.user)!,
      isActive: isActiveClaimStatus(claim.status),
      isCompleted: claim.status === 'COMPLETED',
      createdAt: time(claim.created_at)!,
      submittedAt: time(claim.submitted_at),
      completedAt: time(claim.completed_at),
    }))
  }

  #time(column: string) {
    if (!this.#times.has(column)) this.#times.set(column, time(this.#row[column]))
    return this.#times.get(column)!
  }

  get deadline() {
    return this.#time('deadline')
  }

  get publishedAt() {
    return this.#time('published_at')
  }

  get completedAt() {
    return this.#time('completed_at')
  }

  get cancelledAt() {
    return this.#time('cancelled_at')
  }

  get createdAt() {
    return this.#time('created_at')!
  }

  get updatedAt() {
    return this.#time('updated_at')!
  }

  get isPublished() {
    return !this.isDraft
  }

  get isClosed() {
    return isClosedStatus(this.status)
  }

  get isMultiSlot() {
    return this.maxCompletions > 1
  }

  get hasDeadlinePassed() {
    return hasPassed(this.deadline)
  }

  get openSlots() {
    return slotsOpen(this)
  }
}
