/**
 * Notification vocabulary (D, K10). A type names what happened;
 * members choose per type how it reaches them.
 */
export const NOTIFICATION_TYPES = [
  'bounty.claimed',
  'bounty.assigned',
  'bounty.abandoned',
  'bounty.submitted',
  'bounty.changes_requested',
  'bounty.approved',
  'bounty.cancelled',
  'bounty.expired',
  'bounty.published',
  'claim.nudged',
  'claim.expired',
  'comment.created',
  'mention',
  'tip.received',
  'wallet.deposit',
  'withdrawal.approved',
  'withdrawal.rejected',
  'checkin.reminder',
  'team.invited',
  'badge.awarded',
  'order.updated',
  'shop.low_stock',
] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

/**
 * How a type reaches a member: `live` stores it in the notification centre
 * and pushes it to open pages; `email` does that and sends an email too;
 * `off` drops it.
 */
export const NOTIFICATION_CHANNELS = ['live', 'email', 'off'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

export const NOTIFICATION_CHANNEL_LABELS: Record<NotificationChannel, string> = {
  live: 'In Corps',
  email: 'In Corps and by email',
  off: 'Off',
}

type TypeInfo = { label: string; group: string; defaultChannel: NotificationChannel }

/**
 * Defaults email only what needs the member to act or concerns their money.
 */
export const NOTIFICATION_TYPE_INFO: Record<NotificationType, TypeInfo> = {
  'bounty.claimed': {
    label: 'Someone claims a bounty you posted',
    group: 'Bounties you post',
    defaultChannel: 'live',
  },
  'bounty.abandoned': {
    label: 'A claimant abandons your bounty',
    group: 'Bounties you post',
    defaultChannel: 'live',
  },
  'bounty.submitted': {
    label: 'Work is submitted for your review',
    group: 'Bounties you post',
    defaultChannel: 'email',
  },
  'bounty.expired': {
    label: 'Your bounty expires unclaimed and is refunded',
    group: 'Bounties you post',
    defaultChannel: 'email',
  },
  'bounty.assigned': {
    label: 'A bounty is assigned to you',
    group: 'Work you do',
    defaultChannel: 'email',
  },
  'bounty.changes_requested': {
    label: 'Changes are requested on your work',
    group: 'Work you do',
    defaultChannel: 'email',
  },
  'bounty.approved': {
    label: 'Your work is approved and paid',
    group: 'Work you do',
    defaultChannel: 'email',
  },
  'bounty.cancelled': {
    label: 'A bounty you work on or watch is cancelled',
    group: 'Work you do',
    defaultChannel: 'live',
  },
  'claim.nudged': {
    label: 'Your claim has been quiet for a while',
    group: 'Work you do',
    defaultChannel: 'email',
  },
  'claim.expired': {
    label: 'A claim expires for lack of activity',
    group: 'Work you do',
    defaultChannel: 'live',
  },
  'comment.created': {
    label: 'New comments on bounties you post, work on or watch',
    group: 'Conversation',
    defaultChannel: 'live',
  },
  'mention': { label: 'Someone @mentions you', group: 'Conversation', defaultChannel: 'live' },
  'bounty.published': {
    label: 'New bounties in tags you watch',
    group: 'Conversation',
    defaultChannel: 'live',
  },
  'tip.received': { label: 'You receive a tip', group: 'Wallet', defaultChannel: 'live' },
  'wallet.deposit': {
    label: 'The treasury credits your wallet',
    group: 'Wallet',
    defaultChannel: 'email',
  },
  'withdrawal.approved': {
    label: 'Your withdrawal is approved',
    group: 'Wallet',
    defaultChannel: 'email',
  },
  'withdrawal.rejected': {
    label: 'Your withdrawal is rejected',
    group: 'Wallet',
    defaultChannel: 'email',
  },
  'checkin.reminder': {
    label: 'A weekly reminder when you have not checked in with a team',
    group: 'Teams',
    defaultChannel: 'live',
  },
  'team.invited': {
    label: 'Someone invites you to a team',
    group: 'Teams',
    defaultChannel: 'email',
  },
  'badge.awarded': { label: 'You earn a badge', group: 'Achievements', defaultChannel: 'live' },
  'order.updated': {
    label: 'An order of yours is confirmed, shipped, delivered or cancelled',
    group: 'Shop',
    defaultChannel: 'live',
  },
  'shop.low_stock': {
    label: 'A shop product runs low on stock (Leaders only)',
    group: 'Shop',
    defaultChannel: 'email',
  },
}

/**
 * Watch levels per bounty and per tag (K10). `watching`: every event of the
 * bounty (or every new bounty with the tag); `normal`: only what concerns
 * the member directly; `muted`: nothing about it. `normal` is the absence
 * of a row.
 */
export const WATCH_LEVELS = ['watching', 'normal', 'muted'] as const
export type WatchLevel = (typeof WATCH_LEVELS)[number]
export type StoredWatchLevel = Exclude<WatchLevel, 'normal'>

export const WATCH_LEVEL_LABELS: Record<WatchLevel, string> = {
  watching: 'Watching',
  normal: 'Normal',
  muted: 'Muted',
}
