import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import { NOTIFICATION_TYPE_INFO, type NotificationType } from '#enums/notification'
import Notification, { currentNotificationSql, type NotificationData } from '#models/notification'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import type User from '#models/user'
import NotificationMailJob from '#jobs/notification_mail_job'
import Outbox, { OUTBOX_TABLE } from '#services/outbox'
import { broadcastNotification } from '#services/broadcast'
import { columnsOf, prefixedColumns, takePrefixed } from '#services/prefixed_columns'

type Someone = User | { id: string }

export type NotifyInput = {
  type: NotificationType
  /**
   * Who the event concerns directly (the poster, the claimant, the
   * mentioned member…).
   */
  recipients: Someone[]
  /**
   * Who caused it: never notified of their own action. Null for the
   * scheduler.
   */
  actor: User | null
  title: string
  message: string
  url?: string | null
  data?: NotificationData
  /**
   * The bounty the event is about: members who muted it hear nothing, and
   * with `watchers` those watching it (or, for `bounty.published`, one of
   * its tags) hear it too, told `watchers.title/message` when the text
   * written for the recipients does not fit them (`true`: the same text).
   */
  bounty?: { id: string; tagIds?: string[] }
  watchers?: true | { title: string; message: string }
  /**
   * Members told about the same event by another call, in other words.
   */
  except?: Someone[]
  expiresAt?: DateTime | null
}

type Text = { title: string; message: string }

/**
 * A notification as stored, with how it travels: pushed live (the member
 * allows live notifications), emailed, and the member's unread count with it.
 */
type Notified = { notification: Notification; live: boolean; emailed: boolean; unread: number }

type Statement = { sql: string; bindings: (string | string[])[] }

/**
 * Notices ready to be written as part of a larger statement (`Notify.prepare`).
 */
export type PreparedNotice = Statement & {
  /**
   * The stored notifications from `notify_rows`, delivered once `trx`
   * commits (at once without one: the statement committed on its own).
   */
  stored: (
    rows: Record<string, unknown>[],
    trx?: TransactionClientContract
  ) => Promise<Notification[]>
}

const NOTIFICATION_COLUMNS = columnsOf(Notification)

/**
 * The one way to tell members something (D1–D3, K10). Stores a notification
 * per member who wants it, in one statement with their preferences and
 * unread counts and the emails owed in the job outbox, then, once the
 * caller's transaction commits, pushes each one live with the new unread
 * count and relays the emails to the queue.
 * Pass the caller's transaction so nothing is announced for a change that
 * rolls back.
 */
export default class Notify {
  static async handle(input: NotifyInput, trx?: TransactionClientContract) {
    const client = trx ?? db.connection()
    const notice = await this.prepare(input, { client })
    if (!notice) return []
    const { rows } = await client.rawQuery<{ rows: Record<string, unknown>[] }>(
      `WITH ${notice.sql} SELECT * FROM notify_rows`,
      notice.bindings
    )
    return notice.stored(rows, trx)
  }

  /**
   * `input` as common table expressions for a statement that writes it with
   * other changes in one round trip (a tip's ledger entry): `notify_rows` are
   * the stored notifications, one row per member, read back with `stored`.
   * `when` is an SQL condition the notices wait on (the entry was written);
   * `client` reads who watches the bounty. Null when nobody is to be told.
   */
  static async prepare(
    input: NotifyInput,
    {
      client = db.connection(),
      when = 'true',
    }: { client?: QueryClientContract; when?: string } = {}
  ): Promise<PreparedNotice | null> {
    const audience = await this.#audience(input, client)
    if (!audience.size) return null
    return {
      ...this.#statement(input, audience, when),
      stored: (rows, trx) => this.#notified(input, rows, trx),
    }
  }

  /**
   * The statement storing `input` for `audience`: everyone in it who wants
   * this type (their preference, or the type's default; not "off"), unless
   * their account is deleted or deactivated. Emailed when they chose email
   * and their settings allow email; live unless they turned live
   * notifications off. Stamped with the clock, not the transaction's start,
   * so several in one transaction keep their order. Returns each with its
   * member's unread count, as they will see it once this commits: what was
   * unread before (the statement's snapshot) and the new one. The emails
   * are outbox rows written by the same statement: they exist exactly when
   * the notifications do (docs/jobs.md).
   */
  static #statement(input: NotifyInput, audience: Map<string, Text>, when: string): Statement {
    const people = [...audience].map(([userId, text]) => ({ user_id: userId, ...text }))
    const defaultChannel = NOTIFICATION_TYPE_INFO[input.type].defaultChannel
    const sql = `
      notify_audience AS (
        SELECT audience.user_id, audience.title, audience.message,
               coalesce(preference.channel, ?) = 'email'
                 AND settings.email_notifications IS NOT FALSE AS emailed,
               settings.push_notifications IS NOT FALSE AS live
          FROM jsonb_to_recordset(?::jsonb) AS audience (user_id uuid, title text, message text)
          -- ids again as an array: the planner cannot see into the jsonb and
          -- would scan every user instead of probing the primary key.
          JOIN users ON users.id = audience.user_id AND users.id = ANY(?::uuid[])
           AND users.deleted_at IS NULL AND users.is_active
          LEFT JOIN user_settings AS settings ON settings.user_id = users.id
          LEFT JOIN notification_preferences AS preference
            ON preference.user_id = users.id AND preference.type = ?
         WHERE coalesce(preference.channel, ?) <> 'off' AND (${when})
      ),
      notified AS (
        INSERT INTO notifications
          (user_id, actor_id, type, title, message, url, data, emailed_at, expires_at, created_at)
        SELECT user_id, NULLIF(?, '')::uuid, ?, title, message, NULLIF(?, ''), ?::jsonb,
               CASE WHEN emailed THEN clock_timestamp() END, NULLIF(?, '')::timestamptz,
               clock_timestamp()
          FROM notify_audience
        RETURNING *
      ),
      notify_rows AS (
        SELECT ${prefixedColumns('notified', NOTIFICATION_COLUMNS, 'notification')},
               notify_audience.live AS notify_live, notify_audience.emailed AS notify_emailed,
               (SELECT count(*) FROM notifications AS unread
                 WHERE unread.user_id = notified.user_id AND unread.read_at IS NULL
                   AND ${currentNotificationSql('unread')})
               + CASE WHEN ${currentNotificationSql('notified')} THEN 1 ELSE 0 END
                 AS notify_unread
          FROM notified JOIN notify_audience USING (user_id)
      ),
      notify_mail AS (
        INSERT INTO ${OUTBOX_TABLE} (job, payload)
        SELECT ?, jsonb_build_object('notificationId', id) FROM notified
         WHERE emailed_at IS NOT NULL
      )`
    const bindings = [
      defaultChannel,
      JSON.stringify(people),
      people.map(({ user_id: userId }) => userId),
      input.type,
      defaultChannel,
      input.actor?.id ?? '',
      input.type,
      input.url ?? '',
      JSON.stringify(input.data ?? {}),
      input.expiresAt?.toISO() ?? '',
      NotificationMailJob.options.name,
    ]
    return { sql, bindings }
  }

  /**
   * The rows `#statement` returned as notifications; delivers them once
   * `trx` commits (at once without one).
   */
  static async #notified(
    input: NotifyInput,
    rows: Record<string, unknown>[],
    trx?: TransactionClientContract
  ) {
    const notified: Notified[] = []
    for (const row of rows) {
      const stored = takePrefixed(row, 'notification')
      if (!stored) continue
      const notification = Notification.$createFromAdapterResult(stored)!
      notification.$setRelated('actor', input.actor)
      notified.push({
        notification,
        live: Boolean(row.notify_live),
        emailed: Boolean(row.notify_emailed),
        unread: Number(row.notify_unread),
      })
    }
    const deliver = () => this.#deliver(notified)
    if (trx) trx.after('commit', deliver)
    else await deliver()
    return notified.map(({ notification }) => notification)
  }

  /**
   * Member id → the text they get: direct recipients, plus watchers when
   * asked, less anyone who muted the bounty (or, for new bounties, one of
   * its tags), less those told otherwise, less the actor.
   */
  static async #audience(input: NotifyInput, client: QueryClientContract) {
    const direct = { title: input.title, message: input.message }
    const forWatchers = input.watchers === true ? direct : input.watchers
    const audience = new Map(input.recipients.map((someone) => [someone.id, direct]))

    if (input.bounty) {
      const levels = await BountyWatcher.levelsOn(input.bounty.id, client)
      const tags =
        input.type === 'bounty.published'
          ? await TagWatcher.audienceOf(input.bounty.tagIds ?? [], client)
          : { watching: new Set<string>(), muted: new Set<string>() }

      if (forWatchers) {
        const watching = [...levels].filter(([, level]) => level === 'watching').map(([id]) => id)
        for (const id of [...watching, ...tags.watching]) {
          if (!audience.has(id)) audience.set(id, forWatchers)
        }
      }
      for (const [id, level] of levels) if (level === 'muted') audience.delete(id)
      for (const id of tags.muted) if (levels.get(id) !== 'watching') audience.delete(id)
    }

    for (const someone of input.except ?? []) audience.delete(someone.id)
    if (input.actor) audience.delete(input.actor.id)
    return audience
  }

  /**
   * Runs after commit, so a failure here is logged, never thrown at a
   * caller whose change already happened. A mail's row is already in the
   * outbox: relaying it now only saves waiting for a worker's next relay.
   */
  static async #deliver(notified: Notified[]) {
    try {
      for (const { notification, live, unread } of notified) {
        if (live) await broadcastNotification(notification, unread)
      }
    } catch (error) {
      logger.error({ err: error }, 'delivering notifications failed')
    }
    if (notified.some(({ emailed }) => emailed)) await Outbox.relay()
  }
}
