import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'users'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('username', 50).notNullable()
      table.string('email', 255).notNullable()
      table.string('password', 255).notNullable()
      table.string('first_name', 100).nullable()
      table.string('last_name', 100).nullable()
      table.text('avatar_url').nullable()
      table
        .enum('role', ['OYAKATASAMA', 'HASHIRA', 'SLAYER'], {
          useNative: true,
          enumName: 'user_role',
        })
        .notNullable()
        .defaultTo('SLAYER')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table.timestamp('last_login_at', { useTz: true }).nullable()
      table.integer('failed_login_count').notNullable().defaultTo(0)
      table.timestamp('locked_until', { useTz: true }).nullable()
      table.timestamp('password_changed_at', { useTz: true }).nullable()
      table.text('two_factor_secret').nullable()
      table.text('two_factor_recovery_codes').nullable()
      table.timestamp('deleted_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw('CREATE UNIQUE INDEX users_username_lower_unique ON users (lower(username))')
    this.schema.raw('CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))')
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS user_role')
  }
}
