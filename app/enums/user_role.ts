/**
 * Roles, with the plain labels shown to people.
 */
export const USER_ROLES = ['OYAKATASAMA', 'HASHIRA', 'SLAYER'] as const
export type UserRole = (typeof USER_ROLES)[number]

export const ROLE_LABELS: Record<UserRole, string> = {
  OYAKATASAMA: 'Leader',
  HASHIRA: 'Pillar',
  SLAYER: 'Member',
}
