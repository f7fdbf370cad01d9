import { DateTime } from 'luxon'
import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { column, hasOne, scope } from '@adonisjs/lucid/orm'
import type { HasOne } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { AccessTokensProvider } from '#overrides/access_tokens_provider'
import { DbRememberMeTokensProvider } from '@adonisjs/auth/session'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import type { UserRole } from '#enums/user_role'
import { DomainError } from '#exceptions/domain_error'

const AuthFinder = withAuthFinder(() => hash.use(), {
  uids: ['email', 'username'],
  passwordColumnName: 'password',
})

export default class User extends compose(UserSchema, AuthFinder) {
  static accessTokens = new AccessTokensProvider({
    tokenableModel: User,
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
    return Boolean(this.emailVerifiedAt)
  }

  get isDeleted() {
    return Boolean(this.deletedAt)
  }

  get isLocked() {
    return this.lockedUntil !== null && this.lockedUntil > DateTime.now()
  }

  /**
   * Re-authentication for sensitive changes (delete the account, turn off
   * two-factor, change email or password).
   */
  async assertPassword(password: string, field = 'password') {
    if (!(await this.verifyPassword(password))) {
      throw new DomainError('INVALID_PASSWORD', 'That password is not correct.', { field })
    }
  }

  get recoveryCodeDigests(): string[] {
    return this.twoFactorRecoveryCodes ? JSON.parse(this.twoFactorRecoveryCodes) : []
  }

  /**
   * Needs the settings relation loaded (findForLogin and
   * loadProfileAndSettings do it).
   */
  get hasTwoFactorEnabled() {
    return Boolean(this.settings?.twoFactorEnabled && this.twoFactorSecret)
  }

  /**
   * Members by username in any case: usernames are unique regardless of
   * case, and the unique index on lower(username) serves this lookup.
   */
  static named = scope<
    typeof User,
    (query: ModelQueryBuilderContract<typeof User>, usernames: string | string[]) => void
  >((query, usernames) => {
    const names = [usernames].flat().map((name) => name.toLowerCase())
    query.whereRaw('lower(users.username) = ANY(?)', [names])
  })

  /**
   * The account a login name points at: email or username, any case.
   * Anonymised (deleted) accounts are never found.
   */
  static findForLogin(uid: string) {
    const value = uid.trim().toLowerCase()
    return this.query()
      .whereNull('deleted_at')
      .where((query) => {
        query
          .whereRaw('lower(email) = ?', [value])
          .orWhere((byName) => byName.withScopes((scopes) => scopes.named(value)))
      })
      .preload('settings')
      .first()
  }

  /**
   * Loads the profile and settings rows, creating default ones for accounts
   * made without them (seeders, operators' commands).
   */
  async loadProfileAndSettings() {
    const profile = await UserProfile.firstOrCreate({ userId: this.id }, {}, { client: this.$trx })
    const settings = await UserSetting.firstOrCreate({ userId: this.id }, {}, { client: this.$trx })
    this.$setRelated('profile', profile)
    this.$setRelated('settings', settings)
    return this
  }

  /**
   * FRIENDS_ONLY profiles (A5) show to people who share a team. Teams do not
   * exist yet, so nobody does; the teams feature replaces this body.
   */
  async sharesTeamWith(_other: User): Promise<boolean> {
    return false
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
