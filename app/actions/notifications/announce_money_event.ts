import { urlFor } from '@adonisjs/core/services/url_builder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Money from '#ledger/money'
import type Transaction from '#models/transaction'
import type User from '#models/user'
import Notify from '#actions/notifications/notify'
import { forBounty } from '#actions/wallet/tip_wording'

/**
 * Tells members about money that moved for them (C3, K4), so that nothing
 * is announced for a movement that rolls back: the treasury actions call it
 * inside their ledger transaction; a tip's notice is written in the tip's
 * own statement.
 */
export default class AnnounceMoneyEvent {
  /**
   * The recipient's notice of a tip, stored by the tip's one statement
   * (SendTip) only if its money moved.
   */
  static tipReceived(tip: {
    sender: User
    recipient: { id: string }
    amount: Money
    message: string | null
    receivedLineId: string
    bounty?: { id: string; title: string } | null
  }) {
    return Notify.prepare({
      type: 'tip.received',
      recipients: [tip.recipient],
      actor: tip.sender,
      title: `@${tip.sender.username} tipped you ${tip.amount.format()}${forBounty(tip.bounty)}`,
      message: tip.message ?? 'No message: just thanks.',
      url: urlFor('wallet.show'),
      data: {
        transactionId: tip.receivedLineId,
        amount: tip.amount.toString(),
        ...(tip.bounty ? { bountyId: tip.bounty.id } : {}),
      },
    })
  }

  static deposited(trx: TransactionClientContract, admin: User, deposit: Transaction) {
    return Notify.handle(
      {
        type: 'wallet.deposit',
        recipients: [{ id: deposit.userId }],
        actor: admin,
        title: `${deposit.amount.format()} was credited to your wallet`,
        message: deposit.description,
        url: urlFor('wallet.show'),
        data: { transactionId: deposit.id, amount: deposit.amount.toString() },
      },
      trx
    )
  }

  static withdrawalDecided(trx: TransactionClientContract, admin: User, withdrawal: Transaction) {
    const approved = withdrawal.status === 'COMPLETED'
    return Notify.handle(
      {
        type: approved ? 'withdrawal.approved' : 'withdrawal.rejected',
        recipients: [{ id: withdrawal.userId }],
        actor: admin,
        title: approved
          ? `Your withdrawal of ${withdrawal.amount.format()} was approved`
          : `Your withdrawal of ${withdrawal.amount.format()} was rejected`,
        message: approved
          ? 'The money is on its way to you.'
          : `${withdrawal.failureReason ?? 'No reason given'}. The amount is back in your available balance.`,
        url: urlFor('wallet.show'),
        data: { transactionId: withdrawal.id, amount: withdrawal.amount.toString() },
      },
      trx
    )
  }
}
