import { BasePolicy, allowGuest } from '@adonisjs/bouncer'
import Bounty from '#models/bounty'
import type User from '#models/user'
import TeamMembership from '#models/team_membership'
import { liveChannels } from '#services/live_channels'

const OWN = /^users\/([^/]+)\/(?:notifications|orders)$/
const BOUNTY = /^bounties\/([^/]+)$/
const TEAM = /^teams\/([^/]+)(?:\/presence)?$/

/**
 * Who may follow a live channel (docs/permissions.md "Live channels"). The
 * one rule for both moments it matters: when a stream subscribes, and when
 * access changes under an open subscription (app/services/live_access.ts).
 */
export default class LiveChannelPolicy extends BasePolicy {
  @allowGuest()
  async follow(viewer: User | null, channel: string): Promise<boolean> {
    if (channel === liveChannels.board) return true
    const own = OWN.exec(channel)
    if (own) return viewer?.id === own[1]
    const bounty = BOUNTY.exec(channel)
    if (bounty) {
      const visible = await Bounty.query()
        .withScopes((scopes) => scopes.visibleTo(viewer))
        .where('bounties.id', bounty[1])
        .select('bounties.id')
        .first()
      return visible !== null
    }
    const team = TEAM.exec(channel)
    if (team) return viewer !== null && (await TeamMembership.of(team[1], viewer.id)) !== null
    return false
  }
}
