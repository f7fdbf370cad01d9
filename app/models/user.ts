import { DateTime } from 'luxon'
import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { column, hasOne } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import type { UserRole } from '#enums/user_role'

const AuthFinder = withAuthFinder(() => hash.use(), {
  uids: ['email', 'username'],
  passwordColumnName: 'password',
})

export default class User extends compose(UserSchema, AuthFinder) {
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: '30 days',
    prefix: 'crp_',
    table: 'auth_access_tokens',
    type: 'auth_token',
  })

  static rememberMeTokens = DbRememberMeTokensProvider.forModel(User)

  @column()
  declare role: UserRole

  @hasOne(() => UserProfile)
  declare profile: HasOne<typeof UserProfile>

  @hasOne(() => UserSetting)
  declare settings: HasOne<typeof UserSetting>

  get isAdmin() {
    return this.role === 'OYAKATASAMA'
  }

  get isPillar() {
    return this.role === 'HASHIRA'
  }

  get isVerified() {
    return this.emailVerifiedAt !== null
  }

  get isDeleted() {
    return this.deletedAt !== null
  }

  get isLocked() {
    return this.lockedUntil !== null && this.lockedUntil > DateTime.now()
  }

  get displayName() {
    const full = [this.firstName, this.lastName].filter(Boolean).join(' ')
    return full || this.username
  }

  get initials() {
    return this.displayName
      .split(/\s+/)
      .map((part) => part[0])
      .join('')
      .slice(0, 2)
      .toUpperCase()
  }
}
