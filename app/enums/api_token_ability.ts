/**
 * Abilities (scopes) a personal API token can carry (A9). The JSON API checks
 * them with `token.allows(ability)`; tokens from an API login carry `*`.
 */
export const API_TOKEN_ABILITIES = ['read', 'write', 'wallet'] as const
export type ApiTokenAbility = (typeof API_TOKEN_ABILITIES)[number]

export const API_TOKEN_ABILITY_LABELS: Record<ApiTokenAbility, string> = {
  read: 'Read your profile, bounties, notifications and wallet history',
  write: 'Post, claim, submit and comment on bounties; edit your profile',
  wallet: 'Move money: withdrawals, tips and shop checkouts',
}

/**
 * Lifetimes offered when creating a token; null means it never expires.
 */
export const API_TOKEN_LIFETIMES_IN_DAYS = [7, 30, 90, 365, null] as const
