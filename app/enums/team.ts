/**
 * A member's role in a team (F1), with the labels shown to people.
 * ADMINs run the team; MODERATORs also remove members (never an ADMIN).
 */
export const TEAM_ROLES = ['ADMIN', 'MODERATOR', 'MEMBER'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  ADMIN: 'Admin',
  MODERATOR: 'Moderator',
  MEMBER: 'Member',
}

/**
 * Check-in scores are 1–10 (F3).
 */
export const CHECKIN_SCORES = ['productive', 'satisfied', 'body', 'care'] as const
export type CheckInScore = (typeof CHECKIN_SCORES)[number]

/**
 * Where an invitation to a team stands. Only a PENDING one, before its
 * `expires_at`, can be answered or withdrawn; the others are history.
 */
export const TEAM_INVITATION_STATUSES = [
  'PENDING',
  'ACCEPTED',
  'DECLINED',
  'WITHDRAWN',
  'EXPIRED',
] as const
export type TeamInvitationStatus = (typeof TEAM_INVITATION_STATUSES)[number]

/**
 * An invitation lapses this many days after it is sent.
 */
export const TEAM_INVITATION_DAYS = 14
