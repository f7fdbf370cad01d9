import { BaseSchema } from '@adonisjs/lucid/schema'

export default class extends BaseSchema {
  protected tableName = 'user_profiles'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('user_id').primary().references('users.id').onDelete('CASCADE')
      table.text('bio').nullable()
      table.string('location', 100).nullable()
      table.string('website', 255).nullable()
      table.string('phone', 20).nullable()
      table.string('job_title', 100).nullable()
      table.string('company', 100).nullable()
      table
        .enum('experience_level', ['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'], {
          useNative: true,
          enumName: 'experience_level',
        })
        .notNullable()
        .defaultTo('BEGINNER')
      table.text('portfolio_url').nullable()
      table.string('github_username', 100).nullable()
      table.string('linkedin_username', 100).nullable()
      table.string('twitter_username', 100).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP TYPE IF EXISTS experience_level')
  }
}
