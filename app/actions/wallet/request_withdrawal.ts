import { randomUUID } from 'node:crypto'
import Ledger, { accounts } from '#ledger/ledger'
import type Money from '#ledger/money'
import Transaction from '#models/transaction'
import type User from '#models/user'
import Idempotency from '#services/idempotency'

/**
 * A member asks to be paid out: the amount is held (no longer spendable,
 * not yet gone) until an admin approves or rejects the request. With an
 * Idempotency-Key claim the request is its outcome, so a retry after a
 * crash gets the same request back (see Idempotency.resume).
 */
export default class RequestWithdrawal {
  static async handle(user: User, data: { amount: Money }, { claimId }: { claimId?: string } = {}) {
    const wallet = accounts.wallet(user.id)
    const withdrawalId = randomUUID()
    return Ledger.transaction(async (trx) => {
      const earlier = await Idempotency.resume(trx, claimId)
      if (earlier) return Transaction.findOrFail(earlier, { client: trx })
      await Idempotency.recordOutcome(trx, claimId, withdrawalId)
      const movement = await Ledger.hold(trx, {
        from: wallet,
        into: accounts.pendingWithdrawals,
        amount: data.amount,
        purpose: 'WITHDRAWAL',
        referenceId: withdrawalId,
        description: `Withdrawal requested by @${user.username}`,
      })
      return Transaction.create(
        {
          id: withdrawalId,
          userId: user.id,
          entryId: movement.entryId,
          holdId: movement.holdId,
          type: 'WITHDRAWAL',
          status: 'PENDING',
          amount: data.amount,
          balanceBefore: movement.balanceBefore(wallet),
          balanceAfter: movement.balanceAfter(wallet),
          description: 'Withdrawal request',
          metadata: { kind: 'withdrawal' },
        },
        { client: trx }
      )
    })
  }
}
