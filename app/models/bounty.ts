import { DateTime } from 'luxon'
import { BountySchema } from '#database/schema'
import { beforeSave, belongsTo, column, hasMany, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
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
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import User from '#models/user'
import { renderMarkdown } from '#services/markdown'
import { withLiveFollowers } from '#models/mixins/live_followers'
import { compose } from '@adonisjs/core/helpers'
import { selectCard } from '#models/bounty_card'
import { applyBoardFilters, type BoardFilters } from '#models/board_filters'
import {
  CLOSED_STATUSES,
  LIVE_CLAIM_STATUSES,
  hasPassed,
  isClosedStatus,
  slotsOpen,
} from '#models/bounty_rules'

type BountyQuery = ModelQueryBuilderContract<typeof Bounty>

export type { BoardFilters }

/**
 * A paid piece of work (B1). Its status is the bounty as a whole and follows
 * from its claims (`applyClaims`); the actions in app/actions/bounties move
 * it, always with its row locked (`lockForUpdate`).
 */
export default class Bounty extends compose(BountySchema, withLiveFollowers) {
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

  /**
   * The team a team-only bounty belongs to (F2): only its members see it.
   */
  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

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
   * What a viewer may see: published bounties open to everyone and their
   * own drafts; a team-only bounty (F2) only while they are a member of its
   * team, or to Corps admins once published. Having posted or worked on a
   * team bounty gives no access of its own: whoever leaves the team loses
   * sight of it at once. Hidden (deleted) bounties show to nobody.
   * `isVisibleTo` is the same rule for one loaded bounty.
   */
  static visibleTo = scope<typeof Bounty, (query: BountyQuery, viewer: User | null) => void>(
    (query, viewer) => {
      query.whereNull('bounties.deleted_at')
      if (!viewer) {
        query.where('bounties.is_draft', false).whereNull('bounties.team_id')
        return
      }
      query
        .where((drafts) =>
          drafts.where('bounties.is_draft', false).orWhere('bounties.created_by', viewer.id)
        )
        .where((team) => {
          team
            .whereNull('bounties.team_id')
            .orWhereIn(
              'bounties.team_id',
              db.from('team_memberships').where('user_id', viewer.id).select('team_id')
            )
          if (viewer.isAdmin) team.orWhere('bounties.is_draft', false)
        })
    }
  )

  /**
   * The board filters (B5), written out in app/models/board_filters.ts.
   */
  static matching = scope<
    typeof Bounty,
    (query: BountyQuery, filters: BoardFilters, viewer: User | null) => void
  >((query, filters, viewer) => applyBoardFilters(query, filters, viewer))

  /**
   * Bounties on which `member` holds a slot: working or awaiting review.
   */
  static workedOnBy = scope<typeof Bounty, (query: BountyQuery, member: User) => void>(
    (query, member) => {
      query.whereHas('claims', (claims) =>
        claims.where('user_id', member.id).whereIn('status', ACTIVE_CLAIM_STATUSES)
      )
    }
  )

  /**
   * Bounties `member` completed and was paid for.
   */
  static completedBy = scope<typeof Bounty, (query: BountyQuery, member: User) => void>(
    (query, member) => {
      query.whereHas('claims', (claims) =>
        claims.where('user_id', member.id).where('status', 'COMPLETED')
      )
    }
  )

  /**
   * Published bounties `poster` posted that are not yet closed.
   */
  static openPostedBy = scope<typeof Bounty, (query: BountyQuery, poster: User) => void>(
    (query, poster) => {
      query
        .where('bounties.created_by', poster.id)
        .where('bounties.is_draft', false)
        .whereNotIn('bounties.status', CLOSED_STATUSES)
    }
  )

  /**
   * `poster`'s drafts.
   */
  static draftsOf = scope<typeof Bounty, (query: BountyQuery, poster: User) => void>(
    (query, poster) => {
      query.where('bounties.created_by', poster.id).where('bounties.is_draft', true)
    }
  )

  static sortedBy = scope<typeof Bounty, (query: BountyQuery, sort?: BountySort) => void>(
    (query, sort = 'newest') => {
      if (sort === 'reward') query.orderBy('bounties.bounty_amount', 'desc')
      if (sort === 'deadline') query.orderByRaw('bounties.deadline ASC NULLS LAST')
      query.orderByRaw('bounties.published_at DESC NULLS FIRST').orderBy('bounties.id', 'desc')
    }
  )

  /**
   * Everything a bounty card and the API representation show (creator,
   * assignee, category, tags, live claims with their members), fetched with
   * the bounty itself: see `selectCard` in #models/bounty_card.
   */
  static withCard = scope<typeof Bounty, (query: BountyQuery) => void>((query) => {
    selectCard(query)
  })

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

  /**
   * Slots nobody was paid for yet (open, or held and not approved).
   */
  get unpaidSlots() {
    return Math.max(0, this.maxCompletions - this.completedClaims.length)
  }

  /**
   * What is still held in escrow: the reward of every unpaid slot, which is
   * what cancelling refunds.
   */
  get escrowRemaining(): Money {
    return this.bountyAmount.times(this.unpaidSlots)
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

  /**
   * Someone was paid for work on it: its reward is fixed and it can only be
   * cancelled, not deleted.
   */
  get hasPaidWork() {
    return this.completedClaims.length > 0
  }

  /**
   * Submitted work waits for the poster or a Pillar.
   */
  get awaitsReview() {
    return this.activeClaims.some((claim) => claim.isInReview)
  }

  /**
   * A slot can be taken right now: published, available, a slot free and
   * the deadline ahead (`assertClaimableBy` adds the claimant's own rules).
   */
  get isClaimable() {
    return this.isPublished && this.isAvailable && this.openSlots > 0 && !this.hasDeadlinePassed
  }

  /**
   * Open with nobody working on it: the poster may still edit or cancel it.
   */
  get isIdle() {
    return !this.isClosed && !this.isWorkedOn
  }

  isPostedBy(user: { id: string } | null) {
    return user !== null && this.createdBy === user.id
  }

  activeClaimOf(user: { id: string }) {
    return this.activeClaims.find((claim) => claim.isHeldBy(user))
  }

  /**
   * The member's slot, held now or completed.
   */
  liveClaimOf(user: { id: string }) {
    return this.liveClaims.find((claim) => claim.isHeldBy(user))
  }

  /**
   * `Bounty.visibleTo` for this bounty: a team-only one costs a lookup of
   * the viewer's membership, made afresh so a member who just left is
   * refused.
   */
  async isVisibleTo(viewer: User | null, client?: QueryClientContract) {
    if (this.deletedAt) return false
    if (this.isDraft && !this.isPostedBy(viewer)) return false
    if (!this.isTeamOnly) return true
    if (!viewer) return false
    if (viewer.isAdmin && this.isPublished) return true
    return (await TeamMembership.of(this.teamId!, viewer.id, client)) !== null
  }

  /**
   * Who assigns it, reviews its work and sees every submission: the
   * poster, a Leader, and a Pillar who is a member of its team (F2: a
   * Pillar reviews the bounties of their teams, so one open to all is the
   * poster's and Leaders' to review).
   */
  async isReviewableBy(user: User) {
    if (this.isPostedBy(user) || user.isAdmin) return true
    if (!user.isPillar || !this.isTeamOnly) return false
    return (await TeamMembership.of(this.teamId!, user.id)) !== null
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
    const own = this.liveClaimOf(claimant)
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
