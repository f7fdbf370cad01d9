import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SessionCollection } from '@adonisjs/session'
import type { ResolvedSessionConfig } from '@adonisjs/session/types'
import User from '#models/user'
import LiveChannelPolicy from '#policies/live_channel_policy'
import type { ChannelRules, Credential, StreamHolder } from '#overrides/live_streams'
import { isLiveChannel } from '#services/live_channels'
import { labelOf, sessionCredential } from '#services/live_access'

/**
 * The session key the `web` guard keeps its member's id under.
 */
const SESSION_AUTH_KEY = 'auth_web'

/**
 * The rules app/services/live_streams.ts applies to subscriptions, then
 * again to open ones whenever access changes.
 */
export const channelRules: ChannelRules = {
  isKnown: isLiveChannel,

  mayFollow(viewer, channel) {
    return new LiveChannelPolicy().follow(viewer, channel)
  },

  credentialOf(ctx: HttpContext) {
    if (ctx.auth.authenticatedViaGuard === 'api') {
      const token = ctx.auth.use('api').user?.currentAccessToken
      return token ? { kind: 'token', id: String(token.identifier) } : null
    }
    return ctx.session ? sessionCredential(ctx.session.sessionId) : null
  },

  /**
   * The holder's account must still be active, every session or token the
   * stream was used with must still be theirs, and each channel must pass
   * the subscribe rule for them as they are now.
   */
  async recheck(holder: StreamHolder, channels: string[], ended: string[]) {
    if (holder.credentials.some((credential) => ended.includes(labelOf(credential)))) return null
    const viewer = holder.ownerId ? await User.find(holder.ownerId) : null
    if (holder.ownerId) {
      if (!viewer || viewer.isDeleted || !viewer.isActive) return null
      for (const credential of holder.credentials) {
        if (!(await stillHolds(viewer, credential))) return null
      }
    }
    const refused: string[] = []
    for (const channel of channels) {
      if (!(await channelRules.mayFollow(viewer, channel))) refused.push(channel)
    }
    return refused
  },
}

async function stillHolds(viewer: User, credential: Credential) {
  if (credential.kind === 'token') {
    const token = await User.accessTokens.find(viewer, credential.id)
    return token !== null && !token.isExpired()
  }
  // A cookie store keeps sessions in the browser: the server cannot end them.
  if (app.config.get('session.store') === 'cookie') return true
  const sessions = await sessionCollection()
  const data = await sessions.get(credential.id)
  return data?.[SESSION_AUTH_KEY] === viewer.id
}

let sessionConfig: Promise<ResolvedSessionConfig | null> | undefined

/**
 * A collection (and so a store) per check, as the session middleware makes
 * a store per request: the store takes its database connection when it is
 * made, so a long-lived one would keep whatever was current then (in tests,
 * a global transaction long rolled back).
 */
async function sessionCollection() {
  sessionConfig ??= configProvider.resolve<ResolvedSessionConfig>(app, app.config.get('session'))
  return new SessionCollection((await sessionConfig)!)
}
