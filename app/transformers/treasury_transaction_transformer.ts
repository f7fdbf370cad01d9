import { BaseTransformer } from '@adonisjs/core/transformers'
import type Transaction from '#models/transaction'

/**
 * A deposit or withdrawal as the treasury sees it: whose wallet, and who
 * decided. Needs `user` loaded (and `reviewedBy` for decided withdrawals).
 */
export default class TreasuryTransactionTransformer extends BaseTransformer<Transaction> {
  toObject() {
    const transaction = this.resource
    const reviewer = transaction.reviewedById ? transaction.reviewedBy : null
    return {
      id: transaction.id,
      type: transaction.type,
      status: transaction.status,
      amount: transaction.amount.toString(),
      description: transaction.description,
      failureReason: transaction.failureReason ?? null,
      user: { id: transaction.user.id, username: transaction.user.username },
      reviewedBy: reviewer ? { id: reviewer.id, username: reviewer.username } : null,
      reviewedAt: transaction.reviewedAt?.toUTC().toISO() ?? null,
      createdAt: transaction.createdAt.toUTC().toISO()!,
    }
  }
}
