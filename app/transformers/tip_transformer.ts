import { BaseTransformer } from '@adonisjs/core/transformers'
import type Transaction from '#models/transaction'

/**
 * A tip as its sender sees it: the sender's SPEND line and who received it.
 */
export default class TipTransformer extends BaseTransformer<Transaction> {
  toObject() {
    const sent = this.resource
    return {
      id: sent.id,
      amount: sent.amount.toString(),
      message: sent.metadata.message ?? null,
      recipient: {
        id: sent.metadata.counterpartyId!,
        username: sent.metadata.counterpartyUsername!,
      },
      bountyId: sent.bountyId ?? null,
      balanceAfter: sent.balanceAfter.toString(),
      createdAt: sent.createdAt.toUTC().toISO()!,
    }
  }
}
