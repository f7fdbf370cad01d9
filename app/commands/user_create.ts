import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { errors as vineErrors } from '@vinejs/vine'
import { USER_ROLES, ROLE_LABELS, type UserRole } from '#enums/user_role'

/**
 * Creates an account with any role. Non-interactive with flags; asks for
 * whatever is missing when a terminal is attached.
 */
export default class UserCreate extends BaseCommand {
  static commandName = 'user:create'
  static description = 'Create a user with any role (OYAKATASAMA, HASHIRA or SLAYER)'
  static help = [
    'node ace user:create --username=kagaya --email=kagaya@example.com --password=Secret123 --role=OYAKATASAMA --verified',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Username (3–20 characters: a-z, 0-9, _)' })
  declare username?: string

  @flags.string({ description: 'Email address' })
  declare email?: string

  @flags.string({ description: 'Password (8+ characters with upper, lower and a digit)' })
  declare password?: string

  @flags.string({ description: 'Role: OYAKATASAMA (Leader), HASHIRA (Pillar) or SLAYER (Member)' })
  declare role?: string

  @flags.boolean({ description: 'Mark the email as verified (no verification mail is sent)' })
  declare verified?: boolean

  async run() {
    const { apiRegisterValidator } = await import('#validators/api/auth')
    const { default: RegisterUser } = await import('#actions/auth/register_user')
    const { DomainError } = await import('#exceptions/domain_error')

    const input = await this.#collectInput()
    if (!input) return

    try {
      const data = await apiRegisterValidator.validate(input)
      const user = await RegisterUser.handle(data, {
        role: input.role,
        verified: this.verified === true,
      })
      this.logger.success(
        `Created ${ROLE_LABELS[user.role]} (${user.role}) ${user.username} <${user.email}>${
          user.emailVerifiedAt ? ', email verified' : ', verification mail queued'
        }`
      )
    } catch (error) {
      if (error instanceof vineErrors.E_VALIDATION_ERROR) {
        for (const message of error.messages as { field: string; message: string }[]) {
          this.logger.error(`--${message.field}: ${message.message}`)
        }
      } else if (error instanceof DomainError) {
        this.logger.error(`--${error.field ?? 'input'}: ${error.message}`)
      } else {
        throw error
      }
      this.exitCode = 1
    }
  }

  /**
   * Flags first; prompts only for what is missing and only on a terminal, so
   * scripts get an error instead of a hanging prompt.
   */
  async #collectInput() {
    const interactive = process.stdin.isTTY && !this.app.inTest
    const missing = (['username', 'email', 'password'] as const).filter((name) => !this[name])
    if (missing.length > 0 && !interactive) {
      this.logger.error(`Missing ${missing.map((name) => `--${name}`).join(', ')}`)
      this.exitCode = 1
      return null
    }
    const username = this.username ?? (await this.prompt.ask('Username'))
    const email = this.email ?? (await this.prompt.ask('Email'))
    const password = this.password ?? (await this.prompt.secure('Password'))
    const role = (this.role ?? (interactive ? await this.#askRole() : 'SLAYER')).toUpperCase()
    if (!USER_ROLES.includes(role as UserRole)) {
      this.logger.error(`--role: choose one of ${USER_ROLES.join(', ')}`)
      this.exitCode = 1
      return null
    }
    return { username, email, password, role: role as UserRole }
  }

  #askRole() {
    return this.prompt.choice(
      'Role',
      USER_ROLES.map((role) => ({ name: role, message: `${ROLE_LABELS[role]} (${role})` })),
      { default: 'SLAYER' }
    )
  }
}
