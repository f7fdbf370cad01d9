import { BaseTransformer } from '@adonisjs/core/transformers'
import type Transaction from '#models/transaction'

/**
 * A line of the caller's own wallet history (GET /wallet/transactions, and
 * the withdrawal a member just requested).
 */
export default class TransactionTransformer extends BaseTransformer<Transaction> {
  toObject() {
    const transaction = this.resource
    return {
      id: transaction.id,
      type: transaction.type,
      status: transaction.status,
      amount: transaction.amount.toString(),
      balanceBefore: transaction.balanceBefore.toString(),
      balanceAfter: transaction.balanceAfter.toString(),
      description: transaction.description,
      bountyId: transaction.bountyId ?? null,
      failureReason: transaction.failureReason ?? null,
      createdAt: transaction.createdAt.toUTC().toISO()!,
    }
  }
}
