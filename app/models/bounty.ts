import { DateTime } from 'luxon'
import { BountySchema } from '#database/schema'
import {
  afterDelete,
  afterSave,
  beforeSave,
  belongsTo,
  column,
  hasMany,
  manyToMany,
  scope,
} from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { columnsOf } from '#services/prefixed_columns'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import type Money from '#ledger/money'
import {
  ACTIVE_CLAIM_STATUSES,
  type BountyPriority,
  type BountySort,
  type BountyStatus,
} from '#enums/bounty'
import Attachment from '#models/attachment'
import BountyClaim from '#models/bounty_claim'
import BountyComment from '#models/bounty_comment'
import BountyEvent from '#models/bounty_event'
import Category from '#models/category'
import Tag from '#models/tag'
import User from '#models/user'
import { renderMarkdown } from '#services/markdown'
import LiveAccess from '#services/live_access'
import BountyCard from '#models/bounty_card'
import { hasPassed, isClosedStatus, slotsOpen } from '#models/bounty_rules'
import { SimplePaginator } from '@adonisjs/lucid/database'

/**
 * Claims that hold or used up a slot.
 */
const LIVE_CLAIM_STATUSES = [...ACTIVE_CLAIM_STATUSES, 'COMPLETED']

/**
 * Columns `visibleTo` reads: a change to one may close the bounty's live
 * channel to some of its followers.
 */
const VISIBILITY_COLUMNS = ['teamId', 'isDraft', 'deletedAt'] as const

type BountyQuery = ModelQueryBuilderContract<typeof Bounty>

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
 * The `card` column of `withCard` (built on first use: the models it reads
 * columns from import this one).
 */
let cardSql: string | undefined
function cardColumn() {
  const person = (alias: string) => textRow(alias, CARD_USER_COLUMNS)
  const live = LIVE_CLAIM_STATUSES.map((status) => `'${status}'`).join(', ')
  cardSql ??= `SELECT json_build_object(
    'creator', (SELECT ${person('u')} FROM users u WHERE u.id = bounties.created_by),
    'assignee', (SELECT ${person('u')} FROM users u WHERE u.id = bounties.assigned_to),
    'category', (SELECT ${textRow('c', ['id', 'name', 'slug', 'description'])} FROM categories c
                  WHERE c.id = bounties.category_id),
    'tags', COALESCE((SELECT json_agg(${textRow('t', ['id', 'name', 'color'])} ORDER BY lower(t.name))
                        FROM bounty_tags bt JOIN tags t ON t.id = bt.tag_id
                       WHERE bt.bounty_id = bounties.id), '[]'::json),
    'claims', COALESCE((SELECT json_agg(
                          ${textRow('bc', columnsOf(BountyClaim))}::jsonb
                            || jsonb_build_object('user', ${person('u')})
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

export type BoardFilters = {
  status?: BountyStatus
  priority?: BountyPriority
  tag?: string
  category?: string
  teamId?: string
  q?: string
  minAmount?: Money
  maxAmount?: Money
  deadlineBefore?: Date
  deadlineAfter?: Date
  /**
   * Only the viewer's own drafts instead of published bounties.
   */
  drafts?: boolean
  sort?: BountySort
}

/**
 * A paid piece of work (B1). Its status is the bounty as a whole and follows
 * from its claims (`applyClaims`); the actions in app/actions/bounties move
 * it, always with its row locked (`lockForUpdate`).
 */
export default class Bounty extends BountySchema {
  @column()
  declare status: BountyStatus

  @column()
  declare priority: BountyPriority

  @column({ serializeAs: null })
  declare search: string | null

  @belongsTo(() => User, { foreignKey: 'createdBy' })
  declare creator: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'assignedTo' })
  declare assignee: BelongsTo<typeof User>

  @belongsTo(() => Category)
  declare category: BelongsTo<typeof Category>

  @manyToMany(() => Tag, { pivotTable: 'bounty_tags' })
  declare tags: ManyToMany<typeof Tag>

  @hasMany(() => BountyClaim)
  declare claims: HasMany<typeof BountyClaim>

  /**
   * Claims that hold a slot or used one up (not abandoned or expired).
   */
  @hasMany(() => BountyClaim, {
    onQuery: (query) => query.whereIn('status', LIVE_CLAIM_STATUSES).orderBy('created_at'),
  })
  declare liveClaims: HasMany<typeof BountyClaim>

  @hasMany(() => BountyComment)
  declare comments: HasMany<typeof BountyComment>

  @hasMany(() => BountyEvent)
  declare events: HasMany<typeof BountyEvent>

  /**
   * Files of the bounty itself (not those of its comments or submissions).
   */
  @hasMany(() => Attachment, {
    onQuery: (query) => query.whereNull('comment_id').whereNull('submission_id'),
  })
  declare attachments: HasMany<typeof Attachment>

  /**
   * The sanitised HTML follows the markdown on every write.
   */
  @beforeSave()
  static renderDescription(bounty: Bounty) {
    if (bounty.$dirty.description !== undefined) {
      bounty.descriptionHtml = renderMarkdown(bounty.description)
    }
  }

  /**
   * Who may see the bounty changed (team-only, hidden, deleted): its live
   * channel's followers are re-checked once the change commits, whichever
   * code path made it.
   */
  @beforeSave()
  static noteVisibilityChange(bounty: Bounty) {
    const changed = VISIBILITY_COLUMNS.some((name) => bounty.$dirty[name] !== undefined)
    if (bounty.$isPersisted && changed) bounty.$extras.visibilityChanged = true
  }

  @afterSave()
  static recheckFollowersAfterSave(bounty: Bounty) {
    if (!bounty.$extras.visibilityChanged) return
    delete bounty.$extras.visibilityChanged
    LiveAccess.bountyChanged(bounty.id, bounty.$trx)
  }

  @afterDelete()
  static recheckFollowersAfterDelete(bounty: Bounty) {
    LiveAccess.bountyChanged(bounty.id, bounty.$trx)
  }

  /**
   * What a viewer may see: published bounties open to everyone, their own
   * drafts, and team bounties they take part in. Team membership arrives
   * with teams (F2); until then a team bounty shows to its poster, its
   * claimants and admins. Hidden (deleted) bounties show to nobody.
   */
  static visibleTo = scope<typeof Bounty, (query: BountyQuery, viewer: User | null) => void>(
    (query, viewer) => {
      query.whereNull('bounties.deleted_at').where((visible) => {
        visible.where((open) =>
          open.where('bounties.is_draft', false).whereNull('bounties.team_id')
        )
        if (!viewer) return
        visible.orWhere('bounties.created_by', viewer.id)
        if (viewer.isAdmin) {
          visible.orWhere('bounties.is_draft', false)
        } else {
          visible.orWhere((team) =>
            team
              .where('bounties.is_draft', false)
              .whereExists((claims) =>
                claims
                  .from('bounty_claims')
                  .whereColumn('bounty_claims.bounty_id', 'bounties.id')
                  .where('bounty_claims.user_id', viewer.id)
              )
          )
        }
      })
    }
  )

  /**
   * The board filters (B5). Drafts only ever list for their author.
   */
  static matching = scope<
    typeof Bounty,
    (query: BountyQuery, filters: BoardFilters, viewer: User | null) => void
  >((query, filters, viewer) => {
    if (filters.drafts) {
      query.where('bounties.is_draft', true)
      if (viewer) query.where('bounties.created_by', viewer.id)
      else query.whereRaw('false')
    } else {
      query.where('bounties.is_draft', false)
    }
    if (filters.status) query.where('bounties.status', filters.status)
    if (filters.priority) query.where('bounties.priority', filters.priority)
    if (filters.teamId) query.where('bounties.team_id', filters.teamId)
    if (filters.minAmount) query.where('bounties.bounty_amount', '>=', filters.minAmount.toString())
    if (filters.maxAmount) query.where('bounties.bounty_amount', '<=', filters.maxAmount.toString())
    if (filters.deadlineBefore) {
      query.where('bounties.deadline', '<', filters.deadlineBefore.toISOString())
    }
    if (filters.deadlineAfter) {
      query.where('bounties.deadline', '>', filters.deadlineAfter.toISOString())
    }
    if (filters.q) {
      query.whereRaw(`bounties.search @@ websearch_to_tsquery('english', ?)`, [filters.q])
    }
    if (filters.category) {
      const category = filters.category
      query.whereHas('category', (categories) => categories.where('slug', category.toLowerCase()))
    }
    if (filters.tag) {
      const tag = filters.tag
      query.whereHas('tags', (tags) => tags.whereRaw('lower(tags.name) = ?', [tag.toLowerCase()]))
    }
  })

  static sortedBy = scope<typeof Bounty, (query: BountyQuery, sort?: BountySort) => void>(
    (query, sort = 'newest') => {
      if (sort === 'reward') query.orderBy('bounties.bounty_amount', 'desc')
      if (sort === 'deadline') query.orderByRaw('bounties.deadline ASC NULLS LAST')
      query.orderByRaw('bounties.published_at DESC NULLS FIRST').orderBy('bounties.id', 'desc')
    }
  )

  /**
   * Everything a bounty card and the API representation show, fetched with
   * the bounty itself: one extra column (`card`, see CARD_SQL) that
   * `attachCard` turns into the creator, assignee, category, tags and live
   * claims with their members. Five preload queries per page became none:
   * each query costs the board a round trip, a write system call and the
   * query builder's work (about a third of its time before). People come
   * with the columns a card shows only: no password hashes or secrets ride
   * along.
   */
  static withCard = scope<typeof Bounty, (query: BountyQuery) => void>((query) => {
    query
      .select('bounties.*')
      .select(db.raw(`(${cardColumn()}) AS card`))
      .rowTransformer((bounty) => (bounty as Bounty).attachCard())
  })

  /**
   * Sets the card relations from the `card` column of `withCard`.
   */
  attachCard() {
    const card = this.$extras.card as CardRow | undefined
    if (!card) return
    delete this.$extras.card
    const person = (row: Record<string, unknown> | null) =>
      row ? User.$createFromAdapterResult(row)! : null
    this.$setRelated('creator', person(card.creator)!)
    this.$setRelated('assignee', person(card.assignee)!)
    this.$setRelated(
      'category',
      card.category ? Category.$createFromAdapterResult(card.category)! : null!
    )
    this.$setRelated(
      'tags',
      card.tags.map((tag) => Tag.$createFromAdapterResult(tag)!)
    )
    this.$setRelated(
      'liveClaims',
      card.claims.map(({ user, ...row }) => {
        const claim = BountyClaim.$createFromAdapterResult(row)!
        claim.$setRelated('user', person(user)!)
        return claim
      })
    )
  }

  /**
   * A page of bounties as lists show them (the board, drafts, the API's
   * list), as read-only BountyCards.
   *
   * The page and its cards are two queries. As one, PostgreSQL planned the
   * card's five subqueries afresh on every call (the filter's values make
   * it keep a custom plan: 0.9 ms of planning, more than the 1.1 ms it
   * ran); by itself, the card query by ids is planned once per connection
   * and reused (0.03 ms), and the page query plans in 0.17 ms.
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
    const cards = await Bounty.cardsOf(rows.all().map((row) => row.id))
    return new SimplePaginator(
      rows.total,
      rows.perPage,
      rows.currentPage,
      ...rows.all().map((row) => new BountyCard(Object.assign(row, { card: cards.get(row.id) })))
    )
  }

  /**
   * The `card` column of `withCard` for each of `ids`, by id.
   */
  static async cardsOf(ids: string[]) {
    const cards = new Map<string, CardRow>()
    if (!ids.length) return cards
    const { rows } = await db.rawQuery<{ rows: { id: string; card: CardRow }[] }>(
      `SELECT bounties.id, (${cardColumn()}) AS card FROM bounties WHERE bounties.id = ANY(?::uuid[])`,
      [ids]
    )
    for (const { id, card } of rows) cards.set(id, card)
    return cards
  }

  /**
   * Loads a bounty through the viewer's access: one they may not see does
   * not exist for them (404).
   */
  static findVisibleOrFail(viewer: User | null, id: string) {
    return Bounty.query()
      .withScopes((scopes) => {
        scopes.visibleTo(viewer)
        scopes.withCard()
      })
      .where('bounties.id', id)
      .firstOrFail()
  }

  /**
   * Locks the row for a change: concurrent changes to the same bounty wait
   * here and then see the state the first one left.
   */
  static async lockForUpdate(trx: TransactionClientContract, id: string) {
    const bounty = await Bounty.query({ client: trx })
      .where('id', id)
      .whereNull('deleted_at')
      .forUpdate()
      .first()
    if (!bounty) throw new DomainError('NOT_FOUND', 'This bounty no longer exists')
    await bounty.load('liveClaims')
    return bounty
  }

  /**
   * Posting, working on or commenting on a bounty makes a member watch it;
   * a level they chose themselves (muted) stays as it is.
   */
  async watch(user: { id: string }, client: QueryClientContract = db.connection()) {
    await client.rawQuery(
      `INSERT INTO bounty_watchers (bounty_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
      [this.id, user.id]
    )
  }

  get isPublished() {
    return !this.isDraft
  }

  get isAvailable() {
    return this.status === 'AVAILABLE'
  }

  get isClosed() {
    return isClosedStatus(this.status)
  }

  get isMultiSlot() {
    return this.maxCompletions > 1
  }

  get isTeamOnly() {
    return this.teamId !== null
  }

  get hasDeadlinePassed() {
    return hasPassed(this.deadline)
  }

  /**
   * What publishing holds in escrow: the reward for every slot (B4).
   */
  get escrowAmount(): Money {
    return this.bountyAmount.times(this.maxCompletions)
  }

  get activeClaims() {
    return this.liveClaims.filter((claim) => claim.isActive)
  }

  get completedClaims() {
    return this.liveClaims.filter((claim) => claim.isCompleted)
  }

  get openSlots() {
    return slotsOpen(this)
  }

  /**
   * Someone holds a slot and is working or awaiting review.
   */
  get isWorkedOn() {
    return this.activeClaims.length > 0
  }

  isPostedBy(user: { id: string } | null) {
    return user !== null && this.createdBy === user.id
  }

  activeClaimOf(user: { id: string }) {
    return this.activeClaims.find((claim) => claim.isHeldBy(user))
  }

  isVisibleTo(viewer: User | null) {
    if (this.deletedAt) return false
    if (this.isPostedBy(viewer)) return true
    if (this.isDraft) return false
    if (!this.isTeamOnly) return true
    if (!viewer) return false
    return viewer.isAdmin || this.liveClaims.some((claim) => claim.isHeldBy(viewer))
  }

  assertPublished() {
    if (this.isDraft) {
      throw new DomainError('INVALID_TRANSITION', 'This bounty is still a draft: publish it first')
    }
  }

  assertOpen() {
    if (this.isClosed) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `This bounty is ${this.status === 'COMPLETED' ? 'completed' : 'cancelled'}`
      )
    }
  }

  /**
   * Whether `claimant` may take a slot now. Checked again under the row
   * lock, so of many simultaneous claims on the last slot exactly one wins.
   */
  assertClaimableBy(claimant: User) {
    this.assertPublished()
    this.assertOpen()
    if (this.hasDeadlinePassed) {
      throw new DomainError('INVALID_TRANSITION', 'The deadline of this bounty has passed')
    }
    const own = this.liveClaims.find((claim) => claim.isHeldBy(claimant))
    if (own?.isCompleted) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `@${claimant.username} already completed this bounty`
      )
    }
    if (own) {
      throw new DomainError(
        'ALREADY_CLAIMED',
        `@${claimant.username} is already working on this bounty`
      )
    }
    if (this.openSlots === 0) {
      throw new DomainError(
        'ALREADY_CLAIMED',
        this.isMultiSlot
          ? 'Every slot of this bounty is taken'
          : 'Someone else is already working on this bounty'
      )
    }
  }

  /**
   * Editing, cancelling and deleting wait until nobody is working on it.
   */
  assertIdle(action: string) {
    if (this.isWorkedOn) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `This bounty cannot be ${action} while someone is working on it`
      )
    }
  }

  /**
   * Sets the status from the claims (B3, B4): completed when every slot is
   * paid, available while a slot is free, otherwise in progress until all
   * who work on it await review. A single-slot bounty names its claimant.
   */
  applyClaims() {
    if (this.status === 'CANCELLED') return
    const completed = this.completedClaims
    const active = this.activeClaims
    if (completed.length >= this.maxCompletions) {
      this.status = 'COMPLETED'
      this.completedAt = this.completedAt ?? DateTime.now()
    } else if (this.openSlots > 0) {
      this.status = 'AVAILABLE'
    } else if (active.some((claim) => claim.status === 'IN_PROGRESS')) {
      this.status = 'IN_PROGRESS'
    } else {
      this.status = 'REVIEW'
    }
    this.assignedTo = this.isMultiSlot ? null : ((active[0] ?? completed[0])?.userId ?? null)
  }

  cancel() {
    this.assertPublished()
    this.assertOpen()
    this.assertIdle('cancelled')
    this.status = 'CANCELLED'
    this.cancelledAt = DateTime.now()
  }
}
