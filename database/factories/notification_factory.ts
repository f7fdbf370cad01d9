import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import Notification from '#models/notification'
import { UserFactory } from '#database/factories/user_factory'

/**
 * An unread, unexpired mention for a fresh member unless `userId` is given.
 * States: `read`, `unread`, `expired`.
 */
export const NotificationFactory = factory
  .define(Notification, ({ faker }) => ({
    type: 'mention' as const,
    actorId: null,
    title: 'You were mentioned',
    message: faker.lorem.sentence(),
    url: null,
    data: {},
    readAt: null,
    emailedAt: null,
    expiresAt: null,
  }))
  .state('read', (notification) => {
    notification.readAt = DateTime.now()
  })
  .state('unread', (notification) => {
    notification.readAt = null
  })
  .state('expired', (notification) => {
    notification.expiresAt = DateTime.now().minus({ minutes: 1 })
  })
  .relation('actor', () => UserFactory)
  .before('create', async (_, notification, { $trx }) => {
    if (notification.userId) return
    const recipient = await UserFactory.client($trx!).apply('verified').create()
    notification.userId = recipient.id
  })
  .build()
