import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import UserToken from '#models/user_token'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A usable password-reset token for a fresh member unless `userId` is
 * given. Only its digest is stored, so tests that need the plain value
 * (the mailed link) use `UserToken.issue`. States: `used`, `expired`.
 */
export const UserTokenFactory = factory
  .define(UserToken, () => ({
    purpose: 'password_reset',
    tokenHash: UserToken.digest(randomBytes(32).toString('base64url')),
    expiresAt: DateTime.now().plus({ hours: 1 }),
    usedAt: null,
  }))
  .state('used', (token) => {
    token.usedAt = DateTime.now()
  })
  .state('expired', (token) => {
    token.expiresAt = DateTime.now().minus({ minutes: 1 })
  })
  .before('create', async (_, token, { $trx }) => {
    if (token.userId) return
    const member = await UserFactory.client($trx!).create()
    token.userId = member.id
  })
  .build()
