import Ledger, { accounts } from '#ledger/ledger'
import type Money from '#ledger/money'
import { DomainError } from '#exceptions/domain_error'
import Transaction from '#models/transaction'
import type User from '#models/user'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'

/**
 * Moves money from one member's wallet to another's (K4). The sender sees a
 * SPEND, the receiver an EARN, both written with the ledger entry.
 */
export default class SendTip {
  static async handle(
    sender: User,
    data: { recipient: User; amount: Money; message?: string | null }
  ) {
    const { recipient, amount } = data
    if (recipient.id === sender.id) {
      throw new DomainError('FORBIDDEN', 'You cannot tip yourself', { field: 'recipient' })
    }
    const message = data.message?.trim() || null
    const from = accounts.wallet(sender.id)
    const to = accounts.wallet(recipient.id)

    return Ledger.transaction(async (trx) => {
      const movement = await Ledger.transfer(trx, {
        from,
        to,
        amount,
        description: `Tip from @${sender.username} to @${recipient.username}`,
      })
      const [sent, received] = await Transaction.recordMany(
        [
          {
            userId: sender.id,
            entryId: movement.entryId,
            type: 'SPEND',
            status: 'COMPLETED',
            amount,
            balanceBefore: movement.balanceBefore(from),
            balanceAfter: movement.balanceAfter(from),
            description: withMessage(`Tip to @${recipient.username}`, message),
            metadata: tipDetails(recipient, message),
          },
          {
            userId: recipient.id,
            entryId: movement.entryId,
            type: 'EARN',
            status: 'COMPLETED',
            amount,
            balanceBefore: movement.balanceBefore(to),
            balanceAfter: movement.balanceAfter(to),
            description: withMessage(`Tip from @${sender.username}`, message),
            metadata: tipDetails(sender, message),
          },
        ],
        trx
      )
      await AnnounceMoneyEvent.tipReceived(trx, { sender, recipient, amount, message, received })
      return sent
    })
  }
}

function withMessage(description: string, message: string | null) {
  return message ? `${description}: ${message}` : description
}

function tipDetails(counterparty: User, message: string | null) {
  return {
    kind: 'tip' as const,
    counterpartyId: counterparty.id,
    counterpartyUsername: counterparty.username,
    message,
  }
}
