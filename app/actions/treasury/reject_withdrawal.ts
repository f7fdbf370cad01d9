import Ledger from '#ledger/ledger'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Transaction from '#models/transaction'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'

/**
 * Refuses a pending withdrawal: the held amount returns to the member's
 * available balance, and the reason is kept on the request.
 */
export default class RejectWithdrawal {
  static async handle(actor: AuditActor, withdrawal: Transaction, data: { reason: string }) {
    return Ledger.transaction(async (trx) => {
      const pending = await Transaction.lockPendingWithdrawal(trx, withdrawal.id)
      await Ledger.release(trx, pending.holdId!, {
        description: `Withdrawal ${pending.id} rejected by @${actor.user.username}`,
      })
      await pending.fail(actor.user, data.reason)
      await AuditLog.record(
        actor,
        {
          action: 'withdrawal.reject',
          subject: { type: 'transaction', id: pending.id },
          data: { userId: pending.userId, amount: pending.amount.toString(), reason: data.reason },
        },
        trx
      )
      await AnnounceMoneyEvent.withdrawalDecided(trx, actor.user, pending)
      return pending
    })
  }
}
