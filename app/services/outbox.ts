import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { Job, Locator, QueueManager } from '@adonisjs/queue'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export const OUTBOX_TABLE = 'job_outbox'

/**
 * A row handed to the queue this long ago and still there was lost on the
 * way (a worker killed twice mid-job, a flushed Redis): it is handed over
 * again. Longer than a job's whole retry schedule (config/queue.ts), so a
 * job still retrying is not doubled.
 */
export const RELAY_AGAIN_AFTER = '30 minutes'

const RELAY_BATCH = 200

export type OutboxRow = {
  id: string
  job: string
  payload: Record<string, unknown>
  created_at: Date
  relayed_at: Date | null
  failed_at: Date | null
  error: string | null
}

/**
 * Work owed after a change (docs/jobs.md). `push` writes a row in the
 * change's own transaction, so the work exists exactly when the change
 * does; once that commits the row is relayed to the queue as a job carrying
 * only the row's id. The job runs under the row's lock and deletes it in the
 * same transaction as it finishes (`OutboxJob`), so a job delivered twice
 * does its work once. The relay also runs in every worker on a schedule
 * (`RelayOutboxJob`): rows whose process died before relaying them go out
 * then.
 */
export default class Outbox {
  static async push(job: string, payload: object, trx?: TransactionClientContract) {
    const client = trx ?? db.connection()
    const [row] = await client
      .insertQuery()
      .table(OUTBOX_TABLE)
      .insert({ job, payload: JSON.stringify(payload) })
      .returning('id')
    const relay = () => this.relay([row.id]).then(() => {})
    if (trx) trx.after('commit', relay)
    else await relay()
    return row.id as string
  }

  /**
   * Hands rows to the queue: `ids`, or every row not relayed yet (or
   * relayed long ago and still not done). Claiming a row and handing it over
   * are separate steps, so a job the sync driver runs inline never waits
   * on the claim's lock. Never throws: it runs after commits, and a row it
   * could not hand over is handed over by the next relay.
   */
  static async relay(ids?: string[]) {
    try {
      const { rows } = await db.rawQuery<{ rows: { id: string; job: string }[] }>(
        `UPDATE ${OUTBOX_TABLE} SET relayed_at = now()
          WHERE id IN (
            SELECT id FROM ${OUTBOX_TABLE}
             WHERE failed_at IS NULL
               AND (relayed_at IS NULL OR relayed_at < now() - interval '${RELAY_AGAIN_AFTER}')
               ${ids ? 'AND id = ANY(?::uuid[])' : ''}
             ORDER BY created_at
             LIMIT ?
               FOR UPDATE SKIP LOCKED)
          RETURNING id, job`,
        ids ? [ids, RELAY_BATCH] : [RELAY_BATCH]
      )
      for (const row of rows) await this.#dispatch(row)
      return rows.length
    } catch (error) {
      logger.error({ err: error }, 'relaying the job outbox failed')
      return 0
    }
  }

  /**
   * Jobs that ran out of retries, oldest first.
   */
  static async failed(): Promise<OutboxRow[]> {
    return db.from(OUTBOX_TABLE).whereNotNull('failed_at').orderBy('failed_at')
  }

  /**
   * Puts failed jobs (`ids`, or all) back in the queue with fresh retries.
   * Returns the ids it requeued.
   */
  static async retry(ids?: string[]) {
    const query = db.from(OUTBOX_TABLE).whereNotNull('failed_at')
    if (ids) query.whereIn('id', ids)
    const rows: { id: string }[] = await query
      .update({ failed_at: null, error: null, relayed_at: null })
      .returning('id')
    const requeued = rows.map(({ id }) => id)
    if (requeued.length) await this.relay(requeued)
    return requeued
  }

  static async markFailed(id: string, error: string) {
    await db.from(OUTBOX_TABLE).where('id', id).update({ failed_at: new Date(), error })
  }

  /**
   * A scheduled run that failed has no row (the scheduler queued it): it
   * gets one, failed, so it is listed and retried like any other.
   */
  static async recordFailure(job: string, payload: object, error: string) {
    const now = new Date()
    await db
      .table(OUTBOX_TABLE)
      .insert({ job, payload: JSON.stringify(payload), relayed_at: now, failed_at: now, error })
  }

  /**
   * One job per row, deduplicated on the row id: a row relayed again while
   * its first job still waits in the queue is not queued twice. A row that
   * could not be handed over goes back to the next relay.
   */
  static async #dispatch(row: { id: string; job: string }) {
    try {
      const JobClass = await jobClass(row.job)
      await JobClass.dispatch({ outboxId: row.id }).dedup({ id: row.id }).run()
    } catch (error) {
      logger.error({ err: error, outboxId: row.id, job: row.job }, 'queueing a job failed')
      await db.from(OUTBOX_TABLE).where('id', row.id).update({ relayed_at: null })
    }
  }
}

/**
 * The job class named `name`. Web and test processes load every job at
 * start (@adonisjs/queue's provider); ace commands do not, so the first
 * relay in a command loads them.
 */
async function jobClass(name: string) {
  if (!Locator.get(name)) await QueueManager.loadJobs()
  return Locator.getOrThrow(name) as unknown as typeof OutboxJob<object>
}

/**
 * A job whose work is owed by an outbox row (payload `{ outboxId }`), or a
 * scheduled run (its own payload). With a row, `handle` runs under the row's
 * lock and the row is deleted when it succeeds, both in one transaction:
 * a second delivery of the same job finds no row and does nothing. The
 * one window left is a crash after `handle` sent something and before the
 * commit (docs/jobs.md). After its last retry the row is marked failed
 * (`node ace jobs:failed`, `node ace jobs:retry`).
 */
export abstract class OutboxJob<Data extends object> extends Job<Data & { outboxId?: string }> {
  /**
   * Owes this job with `data`: an outbox row written in `trx` (relayed when
   * it commits), or at once without one.
   */
  static push<T extends OutboxJob<object>>(
    this: (abstract new (...args: any[]) => T) & { options?: { name?: string } },
    data: T extends OutboxJob<infer D> ? D : never,
    trx?: TransactionClientContract
  ) {
    return Outbox.push(this.options?.name ?? this.name, data, trx)
  }

  abstract handle(data: Data): Promise<void>

  async execute() {
    const { outboxId, ...data } = this.payload
    if (!outboxId) return this.handle(data as unknown as Data)
    await db.transaction(async (trx) => {
      const row = await trx
        .from(OUTBOX_TABLE)
        .where('id', outboxId)
        .whereNull('failed_at')
        .forUpdate()
        .first()
      if (!row) return
      await this.handle(row.payload)
      await trx.from(OUTBOX_TABLE).where('id', outboxId).delete()
    })
  }

  async failed(error: Error) {
    const { outboxId, ...data } = this.payload
    const reason = error.cause instanceof Error ? error.cause.message : error.message
    logger.error({ err: error, job: this.context.name, outboxId }, 'job failed for good')
    if (outboxId) await Outbox.markFailed(outboxId, reason)
    else await Outbox.recordFailure(this.context.name, data, reason)
  }
}
