const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const CHANNELS = [
  new RegExp(`^users/${UUID}/notifications$`),
  new RegExp(`^users/${UUID}/orders$`),
  new RegExp(`^bounties/${UUID}$`),
  /^board$/,
  new RegExp(`^teams/${UUID}$`),
  new RegExp(`^teams/${UUID}/presence$`),
]

/**
 * Live channel names; app/policies/live_channel_policy.ts says who may
 * follow each.
 */
export const liveChannels = {
  notifications: (userId: string) => `users/${userId}/notifications`,
  orders: (userId: string) => `users/${userId}/orders`,
  bounty: (bountyId: string) => `bounties/${bountyId}`,
  board: 'board',
  team: (teamId: string) => `teams/${teamId}`,
  teamPresence: (teamId: string) => `teams/${teamId}/presence`,
}

export function isLiveChannel(channel: unknown) {
  return typeof channel === 'string' && CHANNELS.some((pattern) => pattern.test(channel))
}

const PRESENCE = new RegExp(`^teams/(${UUID})/presence$`)

/**
 * The team whose presence channel this is, or null.
 */
export function presenceTeamOf(channel: string) {
  return PRESENCE.exec(channel)?.[1] ?? null
}
