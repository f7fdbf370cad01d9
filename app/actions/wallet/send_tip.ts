import { randomUUID } from 'node:crypto'
import { errors as vineErrors } from '@vinejs/vine'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import type Money from '#ledger/money'
import { DomainError } from '#exceptions/domain_error'
import Transaction, { type WalletHistoryLine } from '#models/transaction'
import User from '#models/user'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'
import { forBounty } from '#actions/wallet/tip_wording'
import { columnsOf, prefixedColumns, takePrefixed } from '#services/prefixed_columns'

type TippedBounty = Pick<Bounty, 'id' | 'title'>

/**
 * A history line's columns, prefixed, in the tip statement's result.
 */
const HISTORY_COLUMNS = prefixedColumns('history', columnsOf(Transaction), 'line')

/**
 * Moves money from one member's wallet to another's (K4), optionally for
 * work on a bounty. The sender sees a SPEND, the receiver an EARN, both
 * written with the ledger entry (and linked to the bounty).
 */
export default class SendTip {
  /**
   * The member a tip is for, by id (API) or username (the form), with what
   * a tip reads of them (WalletPolicy.tip, the history lines and the
   * notice): a tip runs hundreds of times a second, and the whole row
   * costs a visible share of the request to read and hydrate.
   * 404 (E_ROW_NOT_FOUND) when nobody has it.
   */
  static recipient(to: { toUserId?: string; toUsername?: string }) {
    return User.query()
      .where(to.toUserId ? 'id' : 'username', (to.toUserId ?? to.toUsername)!)
      .select('id', 'username', 'is_active', 'deleted_at')
      .firstOrFail()
  }

  /**
   * The published bounty `bountyId` names, if the sender may see it: a
   * validation error on `bountyId` otherwise (an unknown, hidden or draft
   * bounty looks the same).
   */
  static async bountyFor(sender: User, bountyId: string): Promise<TippedBounty> {
    const bounty = await Bounty.query()
      .withScopes((scopes) => scopes.visibleTo(sender))
      .where('bounties.id', bountyId)
      .where('bounties.is_draft', false)
      .select('bounties.id', 'bounties.title')
      .first()
    if (!bounty) {
      throw new vineErrors.E_VALIDATION_ERROR([
        {
          field: 'bountyId',
          message: 'No published bounty you can see has this id',
          rule: 'exists',
        },
      ])
    }
    return bounty
  }

  static async handle(
    sender: User,
    data: {
      recipient: User
      amount: Money
      message?: string | null
      bounty?: TippedBounty | null
    }
  ) {
    const { recipient, amount } = data
    const bounty = data.bounty ?? null
    const about = forBounty(bounty)
    if (recipient.id === sender.id) {
      throw new DomainError('FORBIDDEN', 'You cannot tip yourself', { field: 'recipient' })
    }
    const message = data.message?.trim() || null
    const lines: WalletHistoryLine[] = [
      {
        id: randomUUID(),
        userId: sender.id,
        bountyId: bounty?.id ?? null,
        type: 'SPEND',
        status: 'COMPLETED',
        amount,
        description: withMessage(`Tip to @${recipient.username}${about}`, message),
        metadata: tipDetails(recipient, message),
      },
      {
        id: randomUUID(),
        userId: recipient.id,
        bountyId: bounty?.id ?? null,
        type: 'EARN',
        status: 'COMPLETED',
        amount,
        description: withMessage(`Tip from @${sender.username}${about}`, message),
        metadata: tipDetails(sender, message),
      },
    ]
    const notice = await AnnounceMoneyEvent.tipReceived({
      sender,
      recipient,
      amount,
      message,
      receivedLineId: lines[1].id,
      bounty,
    })

    const rows = await Ledger.walletTransfer(
      {
        fromUserId: sender.id,
        toUserId: recipient.id,
        amount,
        description: `Tip from @${sender.username} to @${recipient.username}${about}`,
      },
      {
        with: [Transaction.besideWalletTransfer(lines), ...(notice ? [notice] : [])],
        select: notice
          ? `SELECT ${HISTORY_COLUMNS}, notify_rows.* FROM history
               LEFT JOIN notify_rows ON notify_rows."notification:user_id" = history.user_id`
          : `SELECT ${HISTORY_COLUMNS} FROM history`,
      }
    )
    await notice?.stored(rows)
    const sent = rows.map((row) => takePrefixed(row, 'line')).find((row) => row?.id === lines[0].id)
    return Transaction.$createFromAdapterResult(sent!)!
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
