export const policies = {
  BountyPolicy: () => import('#policies/bounty_policy'),
  AttachmentPolicy: () => import('#policies/attachment_policy'),
  UserPolicy: () => import('#policies/user_policy'),
  WalletPolicy: () => import('#policies/wallet_policy'),
  WithdrawalPolicy: () => import('#policies/withdrawal_policy'),
  AuditLogPolicy: () => import('#policies/audit_log_policy'),
}
