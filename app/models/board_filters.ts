import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type Money from '#ledger/money'
import {
  ACTIVE_CLAIM_STATUSES,
  type BountyPriority,
  type BountySort,
  type BountyStatus,
} from '#enums/bounty'
import type Bounty from '#models/bounty'
import type User from '#models/user'

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
  /**
   * Admin filters (I3): the poster's and the assignee's username.
   */
  creator?: string
  assignee?: string
}

/**
 * The board filters (B5), applied by the `Bounty.matching` scope for the
 * board, its API and the admin list. Drafts only ever list for their
 * author.
 */
export function applyBoardFilters(
  query: ModelQueryBuilderContract<typeof Bounty>,
  filters: BoardFilters,
  viewer: User | null
) {
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
  if (filters.creator) {
    const creator = filters.creator
    query.whereHas('creator', (users) => users.withScopes((scopes) => scopes.named(creator)))
  }
  if (filters.assignee) {
    const assignee = filters.assignee
    query.whereHas('claims', (claims) =>
      claims
        .whereIn('status', ACTIVE_CLAIM_STATUSES)
        .whereHas('user', (users) => users.withScopes((scopes) => scopes.named(assignee)))
    )
  }
}
