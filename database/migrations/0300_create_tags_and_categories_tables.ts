import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Seed 000 `tags` (skills, with a colour) and the optional category of B1.
 * Names are unique whatever their case, so "Vue" and "vue" are one tag.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('tags', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 50).notNullable()
      table.string('color', 7).notNullable().defaultTo('#3B82F6')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`
      CREATE UNIQUE INDEX tags_name_lower_unique ON tags (lower(name));
      ALTER TABLE tags ADD CONSTRAINT tags_color_hex CHECK (color ~ '^#[0-9A-Fa-f]{6}$');
    `)

    this.schema.createTable('categories', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 60).notNullable()
      table.string('slug', 60).notNullable().unique()
      table.text('description').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
  }

  async down() {
    this.schema.dropTable('categories')
    this.schema.dropTable('tags')
  }
}
