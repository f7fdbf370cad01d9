import { randomUUID } from 'node:crypto'
import { Bouncer } from '@adonisjs/bouncer'
import { errors as vineErrors } from '@vinejs/vine'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import type Money from '#ledger/money'
import { DomainError } from '#exceptions/domain_error'
import Transaction, { type WalletHistoryLine } from '#models/transaction'
import User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
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
   * The member a tip is for, by id or username, with what WalletPolicy.tip
   * reads of them (id, username, active, deleted): for a tip by username
   * (the form), and to explain a refused tip. 404 (E_ROW_NOT_FOUND) when
   * nobody has it.
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

  /**
   * Tips the member `to` names (by id, or by username: looked up first),
   * in one statement that also checks they may receive it: an account
   * that exists, is active and not deleted (WalletPolicy.tip's rule about
   * the recipient, read in the same snapshot that moves the money, instead
   * of a round trip before it). When that check refused, the policy says
   * why (E_AUTHORIZATION_FAILURE, as `bouncer.authorize` throws it); an
   * unknown member is a 404. Returns the sender's SPEND line, which names
   * the recipient (`metadata.counterpartyUsername`).
   */
  static async handle(
    sender: User,
    data: {
      to: { toUserId?: string; toUsername?: string }
      amount: Money
      message?: string | null
      bounty?: TippedBounty | null
    }
  ) {
    const { amount } = data
    let recipientId = data.to.toUserId
    if (!recipientId) {
      const byName = await SendTip.recipient(data.to)
      recipientId = byName.id
    }
    const bounty = data.bounty ?? null
    const about = forBounty(bounty)
    if (recipientId === sender.id) {
      throw new DomainError('FORBIDDEN', 'You cannot tip yourself', { field: 'recipient' })
    }
    const message = data.message?.trim() || null
    const after = withMessage(about, message)
    const lines: WalletHistoryLine[] = [
      {
        id: randomUUID(),
        userId: sender.id,
        bountyId: bounty?.id ?? null,
        type: 'SPEND',
        status: 'COMPLETED',
        amount,
        description: { before: 'Tip to @', after },
        metadata: { kind: 'tip', message },
      },
      {
        id: randomUUID(),
        userId: recipientId,
        bountyId: bounty?.id ?? null,
        type: 'EARN',
        status: 'COMPLETED',
        amount,
        description: { before: 'Tip from @', after },
        metadata: { kind: 'tip', message },
      },
    ]
    const notice = await AnnounceMoneyEvent.tipReceived({
      sender,
      recipient: { id: recipientId },
      amount,
      message,
      receivedLineId: lines[1].id,
      bounty,
    })

    const rows = await Ledger.walletTransfer(
      {
        fromUserId: sender.id,
        toUserId: recipientId,
        amount,
        description: {
          sql: `? || (SELECT username FROM users WHERE id = ?::uuid) || ?`,
          bindings: [`Tip from @${sender.username} to @`, recipientId, about],
        },
      },
      {
        when: {
          sql: `EXISTS (SELECT FROM users WHERE id = ?::uuid AND is_active AND deleted_at IS NULL)`,
          bindings: [recipientId],
          explain: async () => {
            const recipient = await SendTip.recipient({ toUserId: recipientId })
            await new Bouncer(sender).with(WalletPolicy).authorize('tip', recipient)
          },
        },
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

/**
 * What follows the counterparty's name in both lines: the bounty, then the
 * sender's message.
 */
function withMessage(about: string, message: string | null) {
  return message ? `${about}: ${message}` : about
}
