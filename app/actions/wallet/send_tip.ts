import { randomUUID } from 'node:crypto'
import { Bouncer } from '@adonisjs/bouncer'
import { errors as vineErrors } from '@vinejs/vine'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import Team from '#models/team'
import type Money from '#ledger/money'
import { DomainError } from '#exceptions/domain_error'
import Transaction from '#models/transaction'
import User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
import AnnounceMoneyEvent from '#actions/notifications/announce_money_event'
import { forBounty } from '#actions/wallet/tip_wording'
import Notify from '#actions/notifications/notify'
import Achievements from '#gamification/achievements'
import { columnsOf, prefixedColumns, takePrefixed } from '#services/prefixed_columns'

type TippedBounty = Pick<Bounty, 'id' | 'title'> & { teamId?: string | null }

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
      .select('bounties.id', 'bounties.title', 'bounties.team_id')
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
   * Tips the member `to` names (by id, or by username: looked up first) in
   * one statement (TIP_STATEMENT), which also checks they may receive it: an
   * account that exists, is active and not deleted (WalletPolicy.tip's rule
   * about the recipient, read in the same snapshot that moves the money).
   * When that check refused, the policy says why (E_AUTHORIZATION_FAILURE,
   * as `bouncer.authorize` throws it); an unknown member is a 404.
   *
   * `claimId` is the request's Idempotency-Key claim: the statement records
   * the tip as its outcome, and a retry whose first attempt already moved
   * the money gets that tip back instead of moving it again. `ip` goes into
   * the tip's audit entry (I6).
   *
   * Returns the sender's SPEND line, which names the recipient
   * (`metadata.counterpartyUsername`).
   */
  static async handle(
    sender: User,
    data: {
      to: { toUserId?: string; toUsername?: string }
      amount: Money
      message?: string | null
      bounty?: TippedBounty | null
    },
    { claimId, ip }: { claimId?: string; ip?: string | null } = {}
  ) {
    let recipientId = data.to.toUserId
    if (!recipientId) {
      const byName = await SendTip.recipient(data.to)
      recipientId = byName.id
    }
    if (recipientId === sender.id) {
      throw new DomainError('FORBIDDEN', 'You cannot tip yourself', { field: 'recipient' })
    }
    const bounty = data.bounty ?? null
    if (bounty?.teamId) await assertSeesBounty(recipientId, bounty.teamId)
    const about = forBounty(bounty)
    const message = data.message?.trim() || null
    const sentLineId = randomUUID()
    const receivedLineId = randomUUID()
    const notice = await AnnounceMoneyEvent.tipReceived({
      sender,
      recipient: { id: recipientId },
      amount: data.amount,
      message,
      receivedLineId,
      bounty,
    })
    const bindings = {
      claimId: claimId ?? null,
      ip: ip ?? null,
      senderId: sender.id,
      recipientId,
      amount: data.amount.toString(),
      memo: `Tip from @${sender.username} to @`,
      about,
      after: withMessage(about, message),
      message,
      bountyId: bounty?.id ?? null,
      sentLineId,
      receivedLineId,
      ...notice.args,
    }

    for (let attempt = 1; attempt <= 3; attempt++) {
      const [row] = await Ledger.statement<Record<string, unknown>>(TIP_STATEMENT, bindings)
      const sent = takePrefixed(row, 'line')
      if (sent) {
        await notice.stored([row])
        const line = Transaction.$createFromAdapterResult(sent)!
        await Achievements.tipped(sender.id, line.createdAt.toJSDate())
        return line
      }
      if (row.replayed_line_id) return Transaction.findOrFail(row.replayed_line_id)
      const recipient = await SendTip.recipient({ toUserId: recipientId })
      await new Bouncer(sender).with(WalletPolicy).authorize('tip', recipient)
    }
    throw new Error('The tip was not written after three attempts')
  }
}

/**
 * What a tip does to the database, in one statement committed on its own
 * (one round trip): the movement (`ledger_transfer`, migration 0210), only
 * when the recipient may receive it and the request's Idempotency-Key has
 * no outcome yet; both members' history lines, with their balances around
 * the movement; the recipient's notice (`notifications_store`, migration
 * 0510); the audit entry of this money action (I6); and the key's outcome. A refusal inside the movement (too little
 * money) is an error, so nothing of it is written.
 *
 * One row comes back: the sender's line and the notice, or, when nothing
 * moved, only `replayed_line_id` (the key's earlier tip, if that is why).
 */
const TIP_STATEMENT = `
WITH claim AS MATERIALIZED (
  -- Locked: a retry of the same key waits here until the first attempt commits.
  SELECT id, outcome_id FROM idempotency_keys WHERE id = :claimId::uuid FOR UPDATE
),
recipient AS MATERIALIZED (
  SELECT id, username FROM users
   WHERE id = :recipientId::uuid AND is_active AND deleted_at IS NULL
     AND NOT EXISTS (SELECT FROM claim WHERE outcome_id IS NOT NULL)
),
movement AS MATERIALIZED (
  SELECT movement.*
    FROM recipient CROSS JOIN LATERAL ledger_transfer(
           ledger_wallet(:senderId::uuid), ledger_wallet(recipient.id), :amount::numeric,
           :memo::text || recipient.username || :about::text) AS movement
),
history AS (
  INSERT INTO transactions (id, user_id, entry_id, bounty_id, type, status, amount,
                            balance_before, balance_after, description, metadata)
  SELECT line.id, line.user_id, movement.entry_id, :bountyId::uuid, line.type, 'COMPLETED',
         :amount::numeric, movement.balance_before, movement.balance_after,
         line.wording || counterparty.username || :after::text,
         jsonb_build_object('kind', 'tip', 'message', :message::text,
                            'counterpartyId', counterparty.id,
                            'counterpartyUsername', counterparty.username)
    FROM (VALUES (:sentLineId::uuid, :senderId::uuid, 'SPEND'::transaction_type,
                  'Tip to @', :recipientId::uuid),
                 (:receivedLineId::uuid, :recipientId::uuid, 'EARN'::transaction_type,
                  'Tip from @', :senderId::uuid))
         AS line (id, user_id, type, wording, counterparty_id)
    JOIN movement ON movement.user_id = line.user_id
    JOIN users AS counterparty ON counterparty.id = line.counterparty_id
  RETURNING *
),
notice AS (
  -- Called once per entry written, so never when nothing moved (the audience
  -- names moved.entry_id only to make the call depend on that row).
  SELECT notice.*
    FROM (SELECT DISTINCT entry_id FROM movement) AS moved
   CROSS JOIN LATERAL notifications_store(
           CASE WHEN moved.entry_id IS NOT NULL THEN :audience::jsonb END, :type::text,
           :defaultChannel::text, :actorId::uuid, :url::text, :data::jsonb,
           :expiresAt::timestamptz, :mailJob::text) AS notice
),
audit AS (
  INSERT INTO audit_logs (actor_id, action, subject_type, subject_id, data, ip)
  SELECT :senderId::uuid, 'wallet.tip', 'user', :recipientId::text,
         jsonb_build_object('transactionId', :sentLineId::uuid, 'amount', :amount::text,
                            'bountyId', :bountyId::uuid),
         :ip::text
    FROM (SELECT DISTINCT entry_id FROM movement) AS moved
),
outcome AS (
  UPDATE idempotency_keys SET outcome_id = :sentLineId::uuid
   WHERE id = (SELECT id FROM claim) AND EXISTS (SELECT FROM movement)
)
SELECT ${prefixedColumns('history', columnsOf(Transaction), 'line')}, ${Notify.columns('notice')},
       (SELECT outcome_id FROM claim) AS replayed_line_id
  FROM (SELECT) AS always
  LEFT JOIN history ON history.id = :sentLineId::uuid
  LEFT JOIN notice ON notice.user_id = :recipientId::uuid
`

/**
 * What follows the counterparty's name in both lines: the bounty, then the
 * sender's message.
 */
function withMessage(about: string, message: string | null) {
  return message ? `${about}: ${message}` : about
}

/**
 * A tip names a team-only bounty (its title goes into the recipient's
 * notice and history) only for someone who may see it (F2).
 */
async function assertSeesBounty(recipientId: string, teamId: string) {
  const allowed = await Team.bountyAudienceAmong(teamId, [recipientId])
  if (!allowed.has(recipientId)) {
    throw new DomainError(
      'FORBIDDEN',
      'The recipient is not in this bounty’s team: tip them without naming it',
      { field: 'bountyId' }
    )
  }
}
