import { TRANSACTION_STATUSES, TRANSACTION_TYPES } from '#enums/transaction'
import {
  depositValidator,
  rejectWithdrawalValidator,
  requestWithdrawalValidator,
  sendTipValidator,
} from '#validators/wallet'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  nullable,
  object,
  operation,
  query,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * The wallet, tips and treasury operations (C, K4) and the
 * schemas of their transformers.
 */
const tags = ['Wallet']
const adminTags = ['Treasury']

const memberRef = object({ id: ref('Uuid'), username: { type: 'string' } })

export const walletSchemas: Record<string, Schema> = {
  WalletBalance: object(
    {
      balance: ref('Money'),
      held: ref('Money'),
    },
    '`balance` is available to spend; `held` is set aside (pending withdrawals, bounty escrow): not spendable, not gone.'
  ),
  Transaction: object(
    {
      id: ref('Uuid'),
      type: { type: 'string', enum: [...TRANSACTION_TYPES] },
      status: { type: 'string', enum: [...TRANSACTION_STATUSES] },
      amount: { ...ref('Money'), description: 'Always positive; `type` tells the direction' },
      balanceBefore: ref('Money'),
      balanceAfter: ref('Money'),
      description: { type: 'string' },
      bountyId: nullable(ref('Uuid')),
      failureReason: nullable({ type: 'string' }),
      createdAt: ref('Timestamp'),
    },
    'A line of the caller’s history. Balances are the available balance around the movement; a tip is a SPEND for its sender and an EARN for its receiver.'
  ),
  Tip: object({
    id: { ...ref('Uuid'), description: 'The sender’s SPEND transaction' },
    amount: ref('Money'),
    message: nullable({ type: 'string' }),
    recipient: memberRef,
    bountyId: { ...nullable(ref('Uuid')), description: 'The bounty the tip was for, if any' },
    balanceAfter: ref('Money'),
    createdAt: ref('Timestamp'),
  }),
  TreasuryTransaction: object(
    {
      id: ref('Uuid'),
      type: { type: 'string', enum: ['DEPOSIT', 'WITHDRAWAL'] },
      status: { type: 'string', enum: [...TRANSACTION_STATUSES] },
      amount: ref('Money'),
      description: { type: 'string' },
      failureReason: nullable({ type: 'string' }),
      user: memberRef,
      reviewedBy: nullable(memberRef),
      reviewedAt: nullable(ref('Timestamp')),
      createdAt: ref('Timestamp'),
    },
    'A deposit or withdrawal as the treasury sees it.'
  ),
}

export const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Retry safely: the same key from the same caller within 24 hours replays the first response (header `Idempotent-Replayed: true`) and moves no money again.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
}

/**
 * Refusals every money-moving POST can meet because of its Idempotency-Key.
 */
export const idempotencyFailures = (...conflicts: string[]) => ({
  ...failure(409, [...conflicts, 'IDEMPOTENCY_REQUEST_IN_PROGRESS']),
  ...failure(422, ['VALIDATION_FAILED', 'IDEMPOTENCY_KEY_REUSED']),
})

const pagination = [
  query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number'),
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Items per page'),
]

export const walletPaths: Record<string, Record<string, Operation>> = {
  '/wallet/balance': {
    get: operation({
      tags,
      operationId: 'getWalletBalance',
      summary: 'The caller’s available and held balance',
      security: bearer('read'),
      responses: success('Balances', ref('WalletBalance')),
    }),
  },
  '/wallet/transactions': {
    get: operation({
      tags,
      operationId: 'listWalletTransactions',
      summary: 'The caller’s transaction history, newest first',
      security: bearer('read'),
      parameters: [
        query('type', { type: 'string', enum: [...TRANSACTION_TYPES] }, 'Only this type'),
        query('status', { type: 'string', enum: [...TRANSACTION_STATUSES] }, 'Only this status'),
        query('from', { type: 'string', format: 'date' }, 'From this day (UTC, inclusive)'),
        query('to', { type: 'string', format: 'date' }, 'Up to this day (UTC, inclusive)'),
        ...pagination,
      ],
      responses: {
        ...success(
          'A page of transactions',
          { type: 'array', items: ref('Transaction') },
          {
            paginated: true,
          }
        ),
        ...failure(422),
      },
    }),
  },
  '/wallet/withdraw': {
    post: operation({
      tags,
      operationId: 'requestWithdrawal',
      summary: 'Request a withdrawal',
      description:
        'The amount is held at once (no longer spendable) and the request is `PENDING` until a leader approves (`COMPLETED`) or rejects it (`FAILED`, funds returned). Needs a verified email.',
      security: bearer('wallet'),
      parameters: [idempotencyKey],
      requestBody: jsonBody(fromValidator(requestWithdrawalValidator), { amount: '25.00' }),
      responses: {
        ...success('The pending withdrawal', ref('Transaction'), { status: 201 }),
        ...failure(403, ['FORBIDDEN', 'ACCOUNT_INACTIVE']),
        ...idempotencyFailures('INSUFFICIENT_FUNDS'),
      },
    }),
  },
  '/tips': {
    post: operation({
      tags,
      operationId: 'sendTip',
      summary: 'Tip another member',
      description:
        'Moves money from the caller’s wallet to another member’s (by `toUserId` or `toUsername`), optionally for a bounty (`bountyId`: a published bounty the caller can see, else 422 on that field). Tipping yourself is refused. Needs a verified email.',
      security: bearer('wallet'),
      parameters: [idempotencyKey],
      requestBody: jsonBody(fromValidator(sendTipValidator), {
        toUsername: 'zenitsu',
        amount: 5,
        message: 'Thanks for the review!',
      }),
      responses: {
        ...success('The tip sent', ref('Tip'), { status: 201 }),
        ...failure(404),
        ...idempotencyFailures('INSUFFICIENT_FUNDS'),
      },
    }),
  },
  '/admin/deposits': {
    post: operation({
      tags: adminTags,
      operationId: 'createDeposit',
      summary: 'Credit a member from the treasury (leaders only)',
      description: 'Recorded in the audit log with the caller and their IP address.',
      security: bearer('wallet'),
      parameters: [idempotencyKey],
      requestBody: jsonBody(fromValidator(depositValidator), {
        userId: '0b6a3c58-3d6e-4b8e-9a55-2f1c5f1e9d10',
        amount: '150.00',
        description: 'Q3 bonus',
      }),
      responses: {
        ...success('The deposit', ref('TreasuryTransaction'), { status: 201 }),
        ...failure(404),
        ...idempotencyFailures(),
      },
    }),
  },
  '/admin/withdrawals': {
    get: operation({
      tags: adminTags,
      operationId: 'listWithdrawals',
      summary: 'Withdrawal requests (leaders only)',
      description: 'Pending requests come oldest first (the queue); otherwise newest first.',
      security: bearer('read'),
      parameters: [
        query('status', { type: 'string', enum: [...TRANSACTION_STATUSES] }, 'Only this status'),
        ...pagination,
      ],
      responses: {
        ...success(
          'A page of withdrawals',
          { type: 'array', items: ref('TreasuryTransaction') },
          { paginated: true }
        ),
        ...failure(422),
      },
    }),
  },
  '/admin/withdrawals/{id}/approve': {
    post: operation({
      tags: adminTags,
      operationId: 'approveWithdrawal',
      summary: 'Approve a pending withdrawal (leaders only)',
      description: 'Pays the held amount out. A leader cannot decide their own request. Audited.',
      security: bearer('wallet'),
      parameters: [uuidPath('id', 'The withdrawal id'), idempotencyKey],
      responses: {
        ...success('The approved withdrawal', ref('TreasuryTransaction')),
        ...failure(404),
        ...idempotencyFailures('INVALID_TRANSITION'),
      },
    }),
  },
  '/admin/withdrawals/{id}/reject': {
    post: operation({
      tags: adminTags,
      operationId: 'rejectWithdrawal',
      summary: 'Reject a pending withdrawal (leaders only)',
      description:
        'Returns the held amount to the member; they see the reason. A leader cannot decide their own request. Audited.',
      security: bearer('wallet'),
      parameters: [uuidPath('id', 'The withdrawal id'), idempotencyKey],
      requestBody: jsonBody(fromValidator(rejectWithdrawalValidator), {
        reason: 'Bank details missing',
      }),
      responses: {
        ...success('The rejected withdrawal', ref('TreasuryTransaction')),
        ...failure(404),
        ...idempotencyFailures('INVALID_TRANSITION'),
      },
    }),
  },
}
