import { DateTime } from 'luxon'
import { TransactionSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import User from '#models/user'
import Money from '#ledger/money'
import db from '@adonisjs/lucid/services/db'
import { columnsOf } from '#services/prefixed_columns'
import type { TransactionStatus, TransactionType } from '#enums/transaction'

export type TransactionFilters = {
  type?: TransactionType
  status?: TransactionStatus
  from?: Date
  to?: Date
}

/**
 * Structured details kept beside the description: the other party of a
 * tip, its message.
 */
export type TransactionMetadata = {
  kind?:
    | 'tip'
    | 'deposit'
    | 'withdrawal'
    | 'bounty_escrow'
    | 'bounty_payout'
    | 'bounty_refund'
    | 'shop_order'
    | 'shop_refund'
  orderId?: string
  counterpartyId?: string
  counterpartyUsername?: string
  message?: string | null
}

/**
 * One line of a member's wallet history. Written by the wallet and treasury
 * actions in the same database transaction as its ledger entry.
 */
export default class Transaction extends TransactionSchema {
  @column()
  declare type: TransactionType

  @column()
  declare status: TransactionStatus

  @column()
  declare metadata: TransactionMetadata

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'reviewedById' })
  declare reviewedBy: BelongsTo<typeof User>

  static filtered = scope((query, filters: TransactionFilters) => {
    if (filters.type) query.where('type', filters.type)
    if (filters.status) query.where('status', filters.status)
    if (filters.from) query.where('created_at', '>=', startOfDay(filters.from).toJSDate())
    if (filters.to)
      query.where('created_at', '<', startOfDay(filters.to).plus({ days: 1 }).toJSDate())
  })

  static newestFirst = scope((query) => {
    query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  })

  /**
   * A member's own history: the only way pages and the API list it, so
   * nobody ever sees another member's wallet.
   */
  static historyOf(user: User, filters: TransactionFilters = {}) {
    return Transaction.query()
      .where('user_id', user.id)
      .if(!user.isAdmin, (query) => query.select(shownColumns()))
      .withScopes((scopes) => {
        scopes.filtered(filters)
        scopes.newestFirst()
      })
  }

  /**
   * Withdrawal requests for the treasury, oldest pending first (the queue),
   * otherwise newest first.
   */
  static withdrawals(status?: TransactionStatus) {
    const query = Transaction.query()
      .where('type', 'WITHDRAWAL')
      .preload('user')
      .preload('reviewedBy')
    if (status) query.where('status', status)
    return status === 'PENDING'
      ? query.orderBy('created_at', 'asc').orderBy('id', 'asc')
      : query.withScopes((scopes) => scopes.newestFirst())
  }

  /**
   * Money in (deposits) and out (withdrawals) of Corps, for the treasury.
   */
  static async treasuryFlows() {
    const rows: {
      type: TransactionType
      status: TransactionStatus
      count: string
      total: string
    }[] = await Transaction.query()
      .whereIn('type', ['DEPOSIT', 'WITHDRAWAL'])
      .groupBy('type', 'status')
      .select('type', 'status')
      .count('* as count')
      .sum('amount as total')
      .pojo()
    const flow = (type: TransactionType, status: TransactionStatus) => {
      const row = rows.find((candidate) => candidate.type === type && candidate.status === status)
      return { count: Number(row?.count ?? 0), total: Money.fromDb(row?.total ?? '0') }
    }
    return {
      deposited: flow('DEPOSIT', 'COMPLETED'),
      paidOut: flow('WITHDRAWAL', 'COMPLETED'),
      pending: flow('WITHDRAWAL', 'PENDING'),
      rejected: flow('WITHDRAWAL', 'FAILED'),
    }
  }

  static findWithdrawalOrFail(id: string) {
    return Transaction.query().where('id', id).where('type', 'WITHDRAWAL').firstOrFail()
  }

  /**
   * Locks a withdrawal for a decision. A decided one is refused, so two
   * admins (or a double click) can never decide it twice.
   */
  static async lockPendingWithdrawal(trx: TransactionClientContract, id: string) {
    const withdrawal = await Transaction.query({ client: trx })
      .where('id', id)
      .where('type', 'WITHDRAWAL')
      .forUpdate()
      .firstOrFail()
    if (!withdrawal.isPending) {
      const decision = withdrawal.status === 'COMPLETED' ? 'approved' : 'rejected'
      throw new DomainError('INVALID_TRANSITION', `This withdrawal was already ${decision}`)
    }
    return withdrawal
  }

  async complete(reviewer: User) {
    this.status = 'COMPLETED'
    this.reviewedById = reviewer.id
    this.reviewedAt = DateTime.now()
    return this.save()
  }

  async fail(reviewer: User, reason: string) {
    this.status = 'FAILED'
    this.failureReason = reason
    this.reviewedById = reviewer.id
    this.reviewedAt = DateTime.now()
    return this.save()
  }

  get isPending() {
    return this.status === 'PENDING'
  }

  get isWithdrawal() {
    return this.type === 'WITHDRAWAL'
  }

  /**
   * Money coming in shows as positive, money going out as negative.
   */
  get isCredit() {
    return this.type === 'EARN' || this.type === 'DEPOSIT'
  }

  get signedAmount() {
    return this.isCredit ? this.amount : this.amount.negated()
  }
}

/**
 * Date filters are whole days (in the server's zone, UTC), both ends included.
 */
function startOfDay(date: Date) {
  return DateTime.fromJSDate(date).startOf('day')
}

/**
 * A line about a team-only bounty its member may no longer see (F2: they
 * left its team, or never were in it, as a tip's recipient) keeps its
 * amount but not the bounty's title or id: the money stays accounted for,
 * the bounty stays hidden. The redaction is in the select, so the wallet
 * page, the API and the CSV export read the same.
 */
export const HIDDEN_BOUNTY_DESCRIPTION = 'A team-only bounty of a team you are not in'

const HIDDEN_BOUNTY = `EXISTS (
  SELECT 1 FROM bounties
   WHERE bounties.id = transactions.bounty_id
     AND bounties.team_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM team_memberships
                      WHERE team_memberships.team_id = bounties.team_id
                        AND team_memberships.user_id = transactions.user_id))`

function shownColumns() {
  return columnsOf(Transaction).map((name) => {
    if (name === 'description') {
      return db.raw(
        `CASE WHEN ${HIDDEN_BOUNTY} THEN ? ELSE transactions.description END AS description`,
        [HIDDEN_BOUNTY_DESCRIPTION]
      )
    }
    if (name === 'bounty_id') {
      return db.raw(
        `CASE WHEN ${HIDDEN_BOUNTY} THEN NULL ELSE transactions.bounty_id END AS bounty_id`
      )
    }
    return `transactions.${name}`
  })
}
