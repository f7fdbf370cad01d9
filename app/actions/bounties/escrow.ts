import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import MemberTotals from '#gamification/member_totals'
import Achievements from '#gamification/achievements'
import type Bounty from '#models/bounty'
import type BountyClaim from '#models/bounty_claim'
import BountyEvent from '#models/bounty_event'
import Transaction from '#models/transaction'
import type User from '#models/user'

/**
 * The money side of a bounty (B2, B3, B4), always inside the caller's
 * database transaction: publishing holds reward × slots from the poster's
 * wallet in the bounty's escrow account; an approval captures one reward
 * into the claimant's wallet (and counts the completion in the member's
 * totals, E1/E4); a cancellation releases what is left to the poster. Each
 * movement writes the member's history row and a timeline event beside the
 * ledger entry.
 */
export const ESCROW_PURPOSE = 'BOUNTY_ESCROW'

export default class BountyEscrow {
  static async fund(trx: TransactionClientContract, bounty: Bounty, poster: User) {
    const wallet = accounts.wallet(poster.id)
    const amount = bounty.escrowAmount
    const movement = await Ledger.hold(trx, {
      from: wallet,
      into: accounts.escrow(bounty.id),
      amount,
      purpose: ESCROW_PURPOSE,
      referenceId: bounty.id,
      description: `Escrow for bounty "${bounty.title}"`,
    }).catch((error) => {
      if (error instanceof DomainError && error.code === 'INSUFFICIENT_FUNDS') {
        throw new DomainError(
          'INSUFFICIENT_FUNDS',
          `Your wallet cannot cover the reward: ${amount.format()} is needed` +
            `${bounty.isMultiSlot ? ` (${bounty.maxCompletions} slots)` : ''}, ` +
            `${Money.fromDb(String(error.meta?.available ?? '0')).format()} is available`,
          { field: 'bountyAmount', meta: error.meta }
        )
      }
      throw error
    })

    bounty.escrowHoldId = movement.holdId
    await Transaction.create(
      {
        userId: poster.id,
        entryId: movement.entryId,
        holdId: movement.holdId,
        bountyId: bounty.id,
        type: 'SPEND',
        status: 'COMPLETED',
        amount,
        balanceBefore: movement.balanceBefore(wallet),
        balanceAfter: movement.balanceAfter(wallet),
        description: `Reward held in escrow for "${bounty.title}"`,
        metadata: { kind: 'bounty_escrow' },
      },
      { client: trx }
    )
    await BountyEvent.record(trx, bounty.id, 'funded', poster, {
      amount: amount.toString(),
      slots: bounty.maxCompletions,
    })
  }

  static async pay(
    trx: TransactionClientContract,
    bounty: Bounty,
    claim: BountyClaim,
    claimant: User,
    actor: User
  ) {
    const wallet = accounts.wallet(claimant.id)
    const movement = await Ledger.capture(trx, this.holdOf(bounty), {
      to: wallet,
      amount: bounty.bountyAmount,
      description: `Reward for bounty "${bounty.title}" paid to @${claimant.username}`,
    })
    await Transaction.create(
      {
        userId: claimant.id,
        entryId: movement.entryId,
        bountyId: bounty.id,
        type: 'EARN',
        status: 'COMPLETED',
        amount: bounty.bountyAmount,
        balanceBefore: movement.balanceBefore(wallet),
        balanceAfter: movement.balanceAfter(wallet),
        description: `Reward for "${bounty.title}"`,
        metadata: { kind: 'bounty_payout' },
      },
      { client: trx }
    )
    await MemberTotals.recordCompletion(trx, {
      userId: claimant.id,
      priority: bounty.priority,
      payout: bounty.bountyAmount,
    })
    await Achievements.completed(trx, claimant.id)
    await BountyEvent.record(trx, bounty.id, 'paid', actor, {
      claimId: claim.id,
      userId: claimant.id,
      username: claimant.username,
      amount: bounty.bountyAmount.toString(),
    })
    return movement.entryId
  }

  /**
   * Returns every slot not paid out to the poster. Nothing happens for a
   * bounty whose escrow is already empty (a draft, or all slots paid).
   */
  static async refund(
    trx: TransactionClientContract,
    bounty: Bounty,
    actor: User | null,
    reason: string
  ) {
    if (!bounty.escrowHoldId) return Money.ZERO
    const unusedSlots = bounty.unpaidSlots
    if (unusedSlots === 0) return Money.ZERO

    const amount = bounty.escrowRemaining
    const wallet = accounts.wallet(bounty.createdBy)
    const movement = await Ledger.release(trx, bounty.escrowHoldId, {
      amount,
      description: `Escrow of bounty "${bounty.title}" returned (${reason})`,
    })
    await Transaction.create(
      {
        userId: bounty.createdBy,
        entryId: movement.entryId,
        holdId: bounty.escrowHoldId,
        bountyId: bounty.id,
        type: 'EARN',
        status: 'COMPLETED',
        amount,
        balanceBefore: movement.balanceBefore(wallet),
        balanceAfter: movement.balanceAfter(wallet),
        description: `Refund of "${bounty.title}" (${reason})`,
        metadata: { kind: 'bounty_refund' },
      },
      { client: trx }
    )
    await BountyEvent.record(trx, bounty.id, 'refunded', actor, {
      amount: amount.toString(),
      slots: unusedSlots,
      reason,
    })
    return amount
  }

  private static holdOf(bounty: Bounty) {
    if (!bounty.escrowHoldId) throw new Error(`Bounty ${bounty.id} has no escrow`)
    return bounty.escrowHoldId
  }
}
