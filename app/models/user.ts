import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
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
import type { MemberFilters, MemberSort } from '#validators/admin'
import type { KeysetPosition } from '#services/csv'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { containing } from '#services/text'

/**
 * Each order of the members list: its column, then the id, so the order is
 * total and a keyset can resume it. Only `last_login_at` can be null: those
 * members come last.
 */
const DIRECTORY_ORDERS: Record<MemberSort, { key: string; direction: 'asc' | 'desc' }> = {
  newest: { key: 'created_at', direction: 'desc' },
  username: { key: 'lower(username)', direction: 'asc' },
  last_sign_in: { key: 'last_login_at', direction: 'desc' },
}

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
   * FRIENDS_ONLY profiles (A5) show to people who share a team.
   */
  async sharesTeamWith(other: User): Promise<boolean> {
    const shared = await db
      .from('team_memberships as mine')
      .join('team_memberships as theirs', 'theirs.team_id', 'mine.team_id')
      .where('mine.user_id', this.id)
      .where('theirs.user_id', other.id)
      .select('mine.team_id')
      .first()
    return Boolean(shared)
  }

  /**
   * Members whose username, or whose full name where `viewer` may see it
   * (`isProfileVisibleTo`, in SQL), contains `term`: searching by a hidden
   * name finds nobody, so the search cannot reveal it either.
   */
  static searchableBy = scope<
    typeof User,
    (query: ModelQueryBuilderContract<typeof User>, viewer: User, term: string) => void
  >((query, viewer, term) => {
    const pattern = containing(term.toLowerCase())
    query
      .whereNull('users.deleted_at')
      .where('users.is_active', true)
      .where((match) => {
        match.whereRaw('lower(users.username) LIKE ?', [pattern]).orWhere((byName) => {
          byName.whereRaw(`lower(concat_ws(' ', users.first_name, users.last_name)) LIKE ?`, [
            pattern,
          ])
          if (viewer.isAdmin) return
          byName.where((visible) => {
            visible
              .where('users.id', viewer.id)
              .orWhereNotExists((hidden) =>
                hidden
                  .from('user_settings')
                  .whereColumn('user_settings.user_id', 'users.id')
                  .whereNot('user_settings.profile_visibility', 'PUBLIC')
              )
              .orWhereExists((friends) =>
                friends
                  .from('user_settings')
                  .whereColumn('user_settings.user_id', 'users.id')
                  .where('user_settings.profile_visibility', 'FRIENDS_ONLY')
                  .whereExists((shared) =>
                    shared
                      .from('team_memberships as theirs')
                      .join('team_memberships as mine', 'mine.team_id', 'theirs.team_id')
                      .whereColumn('theirs.user_id', 'users.id')
                      .where('mine.user_id', viewer.id)
                  )
              )
          })
        })
      })
  })

  /**
   * Whether `viewer` may see this member's profile, full name included
   * (A5): a PUBLIC profile shows to everyone, a PRIVATE one to its owner
   * and Leaders, a FRIENDS_ONLY one also to members who share a team with
   * its owner. Reads the settings when they are not loaded.
   */
  async isProfileVisibleTo(viewer: User | null) {
    if (this.settings === undefined) {
      this.$setRelated('settings', (await UserSetting.findBy('user_id', this.id))!)
    }
    return this.#profileShowsTo(viewer, (other) => this.sharesTeamWith(other))
  }

  /**
   * The A5 rule once the settings are loaded; `sharesTeam` is asked only of
   * a FRIENDS_ONLY profile, so lists can answer it from one query.
   */
  async #profileShowsTo(
    viewer: User | null,
    sharesTeam: (viewer: User) => boolean | Promise<boolean>
  ) {
    const visibility = this.settings?.profileVisibility ?? 'PUBLIC'
    if (visibility === 'PUBLIC') return true
    if (viewer && (viewer.id === this.id || viewer.isAdmin)) return true
    return visibility === 'FRIENDS_ONLY' && viewer !== null && (await sharesTeam(viewer))
  }

  /**
   * Whether `displayName` may show the full name (set by `showNamesTo`).
   */
  #fullNameShown = false

  /**
   * Lets these members' full names show to `viewer` where their profiles
   * do (`isProfileVisibleTo`); everyone else keeps showing their username.
   * Pages call it for every member they name: one query for the settings
   * not loaded yet and one for which FRIENDS_ONLY members share a team with
   * `viewer`, however long the list.
   */
  static async showNamesTo(viewer: User | null, people: Iterable<User | null | undefined>) {
    const members = [...people].filter((person): person is User => Boolean(person))
    const unloaded = members.filter((person) => person.settings === undefined)
    if (unloaded.length > 0) {
      const ids = [...new Set(unloaded.map((person) => person.id))]
      const settings = await UserSetting.query().whereIn('user_id', ids)
      const byUser = new Map(settings.map((row) => [row.userId, row]))
      for (const person of unloaded) person.$setRelated('settings', byUser.get(person.id)!)
    }
    const teammates = await User.#teammatesAmong(
      viewer,
      members.filter((person) => person.settings?.profileVisibility === 'FRIENDS_ONLY')
    )
    for (const person of members) {
      person.#fullNameShown = await person.#profileShowsTo(viewer, () => teammates.has(person.id))
    }
  }

  /**
   * The ids of `people` who share a team with `viewer`, in one query.
   */
  static async #teammatesAmong(viewer: User | null, people: User[]) {
    if (!viewer || viewer.isAdmin || people.length === 0) return new Set<string>()
    const rows = await db
      .from('team_memberships as mine')
      .join('team_memberships as theirs', 'theirs.team_id', 'mine.team_id')
      .where('mine.user_id', viewer.id)
      .whereIn('theirs.user_id', [...new Set(people.map((person) => person.id))])
      .distinct('theirs.user_id')
    return new Set(rows.map((row: { user_id: string }) => row.user_id))
  }

  /**
   * How pages name the member: their username, or their full name once
   * `showNamesTo` found their profile visible to the viewer. A name nobody
   * cleared never shows, so a page that forgets the check leaks nothing.
   */
  get displayName() {
    const full = [this.firstName, this.lastName].filter(Boolean).join(' ')
    return (this.#fullNameShown && full) || this.username
  }

  /**
   * A page of `searchableBy`, exact usernames first.
   */
  static search(viewer: User, term: string, page: number, limit: number) {
    return User.query()
      .withScopes((scopes) => scopes.searchableBy(viewer, term))
      .orderByRaw('lower(users.username) = ? DESC', [term.toLowerCase()])
      .orderByRaw('lower(users.username)')
      .paginate(page, limit)
  }

  /**
   * Whether `showNamesTo` cleared this member's full name for the viewer.
   */
  get isFullNameShown() {
    return this.#fullNameShown
  }

  get initials() {
    return this.displayName
      .split(/\s+/)
      .map((part) => part[0])
      .join('')
      .slice(0, 2)
      .toUpperCase()
  }

  /**
   * The admin members list (I2): search by name, username or email, filter
   * by role, status and verification, in the chosen order. Deleted
   * (anonymised) accounts are left out: nothing about them can change.
   * `after` resumes the list past a member (the export's keyset batches).
   */
  static directory(
    filters: Omit<MemberFilters, 'page' | 'limit'>,
    after: KeysetPosition | null = null
  ) {
    const query = this.query().whereNull('deleted_at')
    if (filters.q) {
      const pattern = containing(filters.q.toLowerCase())
      query.where((search) => {
        search
          .whereRaw('lower(username) like ?', [pattern])
          .orWhereRaw('lower(email) like ?', [pattern])
          .orWhereRaw("lower(concat_ws(' ', first_name, last_name)) like ?", [pattern])
      })
    }
    if (filters.role) query.where('role', filters.role)
    if (filters.active !== undefined) query.where('is_active', filters.active)
    if (filters.verified !== undefined) {
      query.if(
        filters.verified,
        (verified) => verified.whereNotNull('email_verified_at'),
        (unverified) => unverified.whereNull('email_verified_at')
      )
    }
    const { key, direction } = DIRECTORY_ORDERS[filters.sort ?? 'newest']
    if (after?.key === null) {
      query.whereRaw(`${key} IS NULL`).where('id', '>', after.id)
    } else if (after) {
      const [value, id] = [after.key, after.id]
      query.where((rest) => {
        rest
          .whereRaw(`${key} ${direction === 'desc' ? '<' : '>'} ?`, [value])
          .orWhere((tie) => tie.whereRaw(`${key} = ?`, [value]).where('id', '>', id))
          .orWhereRaw(`${key} IS NULL`)
      })
    }
    return query.orderByRaw(`${key} ${direction} nulls last`).orderBy('id')
  }

  /**
   * The value `directory` orders a member by, as PostgreSQL writes it (a
   * JavaScript Date would drop the microseconds and skip or repeat members
   * at a batch boundary), selected as `$extras.directory_key`.
   */
  static directoryKey(sort: MemberSort = 'newest') {
    return db.raw(`(${DIRECTORY_ORDERS[sort].key})::text AS directory_key`)
  }

  /**
   * The active Leaders, locked until the transaction ends, so two admins
   * demoting or deactivating each other at once cannot leave Corps without one.
   */
  static async lockActiveAdminIds(trx: TransactionClientContract): Promise<string[]> {
    const rows = await trx
      .from('users')
      .where('role', 'OYAKATASAMA')
      .where('is_active', true)
      .whereNull('deleted_at')
      .orderBy('id')
      .forUpdate()
      .select('id')
    return rows.map((row: { id: string }) => row.id)
  }
}
