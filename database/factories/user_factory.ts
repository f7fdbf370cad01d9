import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import User from '#models/user'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'

/**
 * Every factory user signs in with this password (it satisfies the A1 rules).
 */
export const FACTORY_PASSWORD = 'Secret123'

/**
 * A member as registration leaves them: a SLAYER with an unverified email,
 * plus the profile and settings rows every account has. States:
 * `verified`, `admin` (OYAKATASAMA), `pillar` (HASHIRA), `locked`, `inactive`
 * and `deleted` (anonymised as DeleteAccount leaves it).
 */
export const UserFactory = factory
  .define(User, ({ faker }) => {
    const username = `${faker.string.alpha({ length: 4, casing: 'lower' })}_${faker.string.alphanumeric({ length: 8, casing: 'lower' })}`
    return {
      username,
      email: `${username}@example.com`,
      password: FACTORY_PASSWORD,
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      role: 'SLAYER' as const,
      isActive: true,
    }
  })
  .state('verified', (user) => {
    user.emailVerifiedAt = DateTime.now()
  })
  .state('admin', (user) => {
    user.role = 'OYAKATASAMA'
    user.emailVerifiedAt = user.emailVerifiedAt ?? DateTime.now()
  })
  .state('pillar', (user) => {
    user.role = 'HASHIRA'
    user.emailVerifiedAt = user.emailVerifiedAt ?? DateTime.now()
  })
  .state('inactive', (user) => {
    user.isActive = false
  })
  .state('deleted', (user) => {
    const tag = randomBytes(4).toString('hex')
    user.username = `deleted_${tag}`
    user.email = `deleted_${tag}@deleted.invalid`
    user.firstName = null
    user.lastName = null
    user.password = randomBytes(32).toString('hex')
    user.isActive = false
    user.deletedAt = DateTime.now()
  })
  .after('create', async (_, user, { $trx }) => {
    await UserProfile.create({ userId: user.id }, { client: $trx })
    await UserSetting.create({ userId: user.id }, { client: $trx })
  })
  .build()
