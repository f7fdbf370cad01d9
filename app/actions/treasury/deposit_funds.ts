import Ledger, { accounts } from '#ledger/ledger'
import type Money from '#ledger/money'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Transaction from '#models/transaction'
import type User from '#models/user'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'

/**
 * The treasury credits a member: a grant, or a payment received outside
 * Corps. Audited with the admin who did it.
 */
export default class DepositFunds {
  static async handle(
    actor: AuditActor,
    data: { recipient: User; amount: Money; description: string }
  ) {
    const wallet = accounts.wallet(data.recipient.id)
    return Ledger.transaction(async (trx) => {
      const movement = await Ledger.transfer(trx, {
        from: accounts.treasury,
        to: wallet,
        amount: data.amount,
        description: `Deposit to @${data.recipient.username} by @${actor.user.username}`,
      })
      const deposit = await Transaction.create(
        {
          userId: data.recipient.id,
          entryId: movement.entryId,
          type: 'DEPOSIT',
          status: 'COMPLETED',
          amount: data.amount,
          balanceBefore: movement.balanceBefore(wallet),
          balanceAfter: movement.balanceAfter(wallet),
          description: data.description,
          metadata: { kind: 'deposit' },
        },
        { client: trx }
      )
      await AuditLog.record(
        actor,
        {
          action: 'treasury.deposit',
          subject: { type: 'user', id: data.recipient.id },
          data: {
            transactionId: deposit.id,
            amount: data.amount.toString(),
            description: data.description,
          },
        },
        trx
      )
      await AnnounceMoneyEvent.deposited(trx, actor.user, deposit)
      return deposit
    })
  }
}
