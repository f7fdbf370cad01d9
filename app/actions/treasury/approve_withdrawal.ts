import Ledger, { accounts } from '#ledger/ledger'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Transaction from '#models/transaction'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'

/**
 * Pays a pending withdrawal out: the held amount leaves Corps through the
 * treasury. Safe to press twice: the second attempt finds it decided.
 */
export default class ApproveWithdrawal {
  static async handle(actor: AuditActor, withdrawal: Transaction) {
    return Ledger.transaction(async (trx) => {
      const pending = await Transaction.lockPendingWithdrawal(trx, withdrawal.id)
      await Ledger.capture(trx, pending.holdId!, {
        to: accounts.treasury,
        description: `Withdrawal ${pending.id} paid out, approved by @${actor.user.username}`,
      })
      await pending.complete(actor.user)
      await AuditLog.record(
        actor,
        {
          action: 'withdrawal.approve',
          subject: { type: 'transaction', id: pending.id },
          data: { userId: pending.userId, amount: pending.amount.toString() },
        },
        trx
      )
      await AnnounceMoneyEvent.withdrawalDecided(trx, actor.user, pending)
      return pending
    })
  }
}
