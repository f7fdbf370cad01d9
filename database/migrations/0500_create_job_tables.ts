import { BaseSchema } from '@adonisjs/lucid/schema'
import { QueueSchemaService } from '@adonisjs/queue'

/**
 * The queue's own tables (`queue_jobs`, `queue_schedules`, as
 * @adonisjs/queue's database driver expects them) and `job_outbox`: work
 * owed after a change, written in the change's transaction and relayed to
 * the queue once it commits (docs/jobs.md). A row lives until its job has
 * run; `failed_at` marks one that ran out of retries.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      const queue = new QueueSchemaService(db.getWriteClient())
      await queue.createJobsTable('queue_jobs')
      await queue.createSchedulesTable('queue_schedules')
    })

    this.schema.createTable('job_outbox', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('job', 100).notNullable()
      table.jsonb('payload').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('relayed_at', { useTz: true }).nullable()
      table.timestamp('failed_at', { useTz: true }).nullable()
      table.text('error').nullable()
    })
    // What the relay looks for: rows not handed to the queue yet, or handed
    // over long ago and still not done.
    this.schema.raw(
      'CREATE INDEX job_outbox_pending_index ON job_outbox (relayed_at NULLS FIRST, created_at) WHERE failed_at IS NULL'
    )
  }

  async down() {
    this.schema.dropTable('job_outbox')
    this.defer(async (db) => {
      const queue = new QueueSchemaService(db.getWriteClient())
      await queue.dropSchedulesTable('queue_schedules')
      await queue.dropJobsTable('queue_jobs')
    })
  }
}
