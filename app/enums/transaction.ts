/**
 * The member-facing history's vocabulary (the `transactions` table).
 * Tips are a SPEND for the sender and an EARN for the receiver.
 */
export const TRANSACTION_TYPES = ['EARN', 'SPEND', 'DEPOSIT', 'WITHDRAWAL'] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

export const TRANSACTION_STATUSES = ['PENDING', 'COMPLETED', 'FAILED'] as const
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number]

export const TRANSACTION_TYPE_LABELS: Record<TransactionType, string> = {
  EARN: 'Earned',
  SPEND: 'Spent',
  DEPOSIT: 'Deposit',
  WITHDRAWAL: 'Withdrawal',
}

export const TRANSACTION_STATUS_LABELS: Record<TransactionStatus, string> = {
  PENDING: 'Pending',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
}
