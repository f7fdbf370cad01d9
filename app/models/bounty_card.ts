import { DateTime } from 'luxon'
import Money from '#ledger/money'
import type { BountyPriority, BountyStatus, ClaimStatus } from '#enums/bounty'
import { hasPassed, isActiveClaimStatus, isClosedStatus, slotsOpen } from '#models/bounty_rules'

type Row = Record<string, any>

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
 * read-only object built from one row of `Bounty.board`'s query, with the
 * same names as the Bounty model for everything a card and the API show.
 *
 * Why not the model: hydrating 20 Lucid models with their creator,
 * category, tags and claims (about a hundred proxied instances, every
 * timestamp parsed up front) took a quarter of the board's time. Lists
 * never change what they show, so they read rows into these instead, and
 * parse a timestamp only when it is shown. Changes always go through the
 * model (`Bounty.lockForUpdate`).
 */
export default class BountyCard {
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
