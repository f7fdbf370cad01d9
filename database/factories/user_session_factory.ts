import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import { MessageBuilder } from '@adonisjs/core/helpers'
import factory from '@adonisjs/lucid/factories'
import UserSession from '#models/user_session'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A live session of a fresh member (unless `userId` is given) on desktop
 * Chrome, as `UserSession.record` leaves it. States: `expired`, `guest` (no
 * member yet).
 */
export const UserSessionFactory = factory
  .define(UserSession, ({ faker }) => {
    const id = randomBytes(24).toString('base64url')
    return {
      id,
      data: new MessageBuilder().build({}, undefined, id),
      expiresAt: DateTime.now().plus({ hours: 2 }),
      ipAddress: faker.internet.ipv4(),
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
      lastSeenAt: DateTime.now(),
      rememberMeTokenId: null,
    }
  })
  .state('expired', (session) => {
    session.expiresAt = DateTime.now().minus({ minutes: 1 })
  })
  .state('guest', (session) => {
    session.userId = null
  })
  .before('create', async (_, session, { $trx }) => {
    if (session.userId !== undefined) return
    const member = await UserFactory.client($trx!).create()
    session.userId = member.id
  })
  .build()
