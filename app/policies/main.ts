export const policies = {
  BountyPolicy: () => import('#policies/bounty_policy'),
  AttachmentPolicy: () => import('#policies/attachment_policy'),
  UserPolicy: () => import('#policies/user_policy'),
  WalletPolicy: () => import('#policies/wallet_policy'),
  WithdrawalPolicy: () => import('#policies/withdrawal_policy'),
  TeamPolicy: () => import('#policies/team_policy'),
  CheckInPolicy: () => import('#policies/check_in_policy'),
  LedgerPolicy: () => import('#policies/ledger_policy'),
  AdminDashboardPolicy: () => import('#policies/admin_dashboard_policy'),
  TagPolicy: () => import('#policies/tag_policy'),
  CategoryPolicy: () => import('#policies/category_policy'),
  AuditLogPolicy: () => import('#policies/audit_log_policy'),
}
