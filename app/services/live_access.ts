import { createHash } from 'node:crypto'
import transmit from '@adonisjs/transmit/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ACCESS_CHANNEL, type AccessChange, type Credential } from '#overrides/live_streams'
import { liveChannels } from '#services/live_channels'

/**
 * Whatever may close a live channel to someone calls one of these once the
 * change is committed (with `trx`, they wait for its commit). The change
 * travels on an internal Transmit channel, so with REDIS_HOST set every app
 * process re-checks the streams it holds (docs/permissions.md "Live
 * channels").
 */
const LiveAccess = {
  /**
   * The member's sessions, tokens, account or memberships changed: every
   * stream they hold is re-checked (closed when what opened it is over,
   * channels they may no longer follow dropped). `ended` names a session
   * that is over before its store says so (a sign-out).
   */
  memberChanged(
    userId: string,
    options: { trx?: TransactionClientContract; endedSessionId?: string } = {}
  ) {
    const ended = options.endedSessionId ? [labelOf(sessionCredential(options.endedSessionId))] : []
    announce({ member: userId, ended }, options.trx)
  },

  /**
   * Who may see a bounty changed (it became team-only, or was deleted):
   * everyone following its channel is re-checked.
   */
  bountyChanged(bountyId: string, trx?: TransactionClientContract) {
    announce({ channel: liveChannels.bounty(bountyId) }, trx)
  },
}

export default LiveAccess

function announce(change: AccessChange, trx?: TransactionClientContract) {
  const send = () => transmit.broadcast(ACCESS_CHANNEL, change)
  if (trx) trx.after('commit', send)
  else send()
}

export function sessionCredential(id: string): Credential {
  return { kind: 'session', id }
}

/**
 * How a credential is named in an access change: a session by a digest of
 * its id (the id is the cookie's secret and never leaves the process).
 */
export function labelOf(credential: Credential) {
  if (credential.kind === 'token') return `token:${credential.id}`
  return `session:${createHash('sha256').update(credential.id).digest('hex')}`
}
