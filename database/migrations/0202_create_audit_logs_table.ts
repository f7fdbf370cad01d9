import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who did what to whom, from where (I6). Append-only: a trigger
 * refuses updates and deletes, so the log cannot be rewritten afterwards.
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('actor_id').nullable().references('users.id')
      table.string('action', 64).notNullable()
      table.string('subject_type', 64).nullable()
      table.string('subject_id', 64).nullable()
      table.jsonb('data').notNullable().defaultTo('{}')
      table.string('ip', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['created_at'])
      table.index(['actor_id', 'created_at'])
      table.index(['subject_type', 'subject_id'])
    })
    this.schema.raw(`
      CREATE FUNCTION audit_logs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit log entries are append-only'
          USING ERRCODE = 'integrity_constraint_violation';
      END $$;
      CREATE TRIGGER audit_logs_append_only BEFORE UPDATE OR DELETE ON audit_logs
        FOR EACH ROW EXECUTE FUNCTION audit_logs_refuse_change();
    `)
  }

  async down() {
    this.schema.dropTable(this.tableName)
    this.schema.raw('DROP FUNCTION IF EXISTS audit_logs_refuse_change()')
  }
}
