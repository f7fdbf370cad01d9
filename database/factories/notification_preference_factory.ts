import factory from '@adonisjs/lucid/factories'
import NotificationPreference from '#models/notification_preference'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A fresh member's choice differing from the default (only those have a
 * row): claims of their bounties by email. State: `off`. Insert-only, like
 * every row keyed by (user, type): change it with `saveFor`.
 */
export const NotificationPreferenceFactory = factory
  .define(NotificationPreference, () => ({
    type: 'bounty.claimed' as const,
    channel: 'email' as const,
  }))
  .state('off', (preference) => {
    preference.channel = 'off'
  })
  .before('create', async (_, preference, { $trx }) => {
    if (preference.userId) return
    const member = await UserFactory.client($trx!).apply('verified').create()
    preference.userId = member.id
  })
  .build()
