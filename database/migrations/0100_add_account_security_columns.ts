import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * - sessions.remember_me_token_id: revoking a session from the sessions page
 *   must also revoke the remember-me token of that device, or the browser
 *   would silently sign in again.
 * - users.two_factor_last_time_step: a TOTP code is accepted once only, even
 *   within its 30-second window (replay protection).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('sessions', (table) => {
      table.integer('remember_me_token_id').nullable()
    })
    this.schema.alterTable('users', (table) => {
      table.bigInteger('two_factor_last_time_step').nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('two_factor_last_time_step')
    })
    this.schema.alterTable('sessions', (table) => {
      table.dropColumn('remember_me_token_id')
    })
  }
}
