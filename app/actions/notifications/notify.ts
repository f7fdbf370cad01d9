import type { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { RawQueryBindings } from '@adonisjs/lucid/types/querybuilder'
import { NOTIFICATION_TYPE_INFO, type NotificationType } from '#enums/notification'
import Notification, { type NotificationData } from '#models/notification'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import type User from '#models/user'
import NotificationMailJob from '#jobs/notification_mail_job'
import Outbox from '#services/outbox'
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
   * A team-only bounty (`teamId`) is only ever told to those who may see it,
   * and its publication to the members watching the team, never to those
   * who muted it (K10).
   */
  bounty?: { id: string; tagIds?: string[]; teamId?: string | null }
  watchers?: true | { title: string; message: string }
  /**
   * Members told about the same event by another call, in other words.
   */
  except?: Someone[]
  expiresAt?: DateTime | null
}

/**
 * A notification as stored, with how it travels: pushed live (the member
 * allows live notifications), emailed, and the member's unread count with it.
 */
type Notified = { notification: Notification; live: boolean; emailed: boolean; unread: number }

/**
 * A notice ready to be stored by `notifications_store(…)` in a statement
 * (Notify's own, or a tip's beside its movement), and `stored`, which reads
 * the rows it returned, selected with `Notify.columns`, and delivers them
 * once `trx` commits (at once without one: the statement committed on its
 * own).
 */
export type PreparedNotice = {
  /**
   * The arguments of `notifications_store` (migration 0510), JSON as text.
   * Nobody to tell is an empty `audience`: the function then stores nothing.
   */
  args: {
    audience: string
    type: NotificationType
    defaultChannel: string
    actorId: string | null
    url: string | null
    data: string
    expiresAt: string | null
    /** The job that mails an emailed notice, written to the outbox with it. */
    mailJob: string
  }
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
    const notice = await this.prepare(input, client)
    if (notice.args.audience === '[]') return []
    const { args } = notice
    const { rows } = await client.rawQuery<{ rows: Record<string, unknown>[] }>(
      `SELECT ${this.columns('notice')}
         FROM notifications_store(?::jsonb, ?::text, ?::text, ?::uuid, ?::text, ?::jsonb,
                                 ?::timestamptz, ?::text) AS notice`,
      [
        args.audience,
        args.type,
        args.defaultChannel,
        args.actorId,
        args.url,
        args.data,
        args.expiresAt,
        args.mailJob,
      ] as RawQueryBindings
    )
    return notice.stored(rows, trx)
  }

  /**
   * `input` ready to be stored by a statement that writes it with other
   * changes in one round trip (a tip's movement); `client` reads who
   * watches the bounty.
   */
  static async prepare(
    input: NotifyInput,
    client: QueryClientContract = db.connection()
  ): Promise<PreparedNotice> {
    const audience = await this.#audience(input, client)
    const people = [...audience].map(([userId, text]) => ({ user_id: userId, ...text }))
    return {
      args: {
        audience: JSON.stringify(people),
        type: input.type,
        defaultChannel: NOTIFICATION_TYPE_INFO[input.type].defaultChannel,
        actorId: input.actor?.id ?? null,
        url: input.url ?? null,
        data: JSON.stringify(input.data ?? {}),
        expiresAt: input.expiresAt?.toISO() ?? null,
        mailJob: NotificationMailJob.options.name,
      },
      stored: (rows, trx) => this.#notified(input, rows, trx),
    }
  }

  /**
   * The select list reading back what `notifications_store` returned under
   * `alias`, as `stored` expects it.
   */
  static columns(alias: string) {
    return `${prefixedColumns(alias, NOTIFICATION_COLUMNS, 'notification')},
      ${alias}.live AS notify_live, ${alias}.emailed AS notify_emailed,
      ${alias}.unread AS notify_unread`
  }

  /**
   * The rows `notifications_store` returned as notifications; delivers them once
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
      const teamId = input.bounty.teamId ?? null
      const published = input.type === 'bounty.published'
      const levels = await BountyWatcher.levelsOn(input.bounty.id, client)
      const tags = published
        ? await TagWatcher.audienceOf(input.bounty.tagIds ?? [], client)
        : { watching: new Set<string>(), muted: new Set<string>() }
      const team =
        published && teamId
          ? await TeamMembership.audienceOf(teamId, client)
          : { watching: new Set<string>(), muted: new Set<string>() }

      if (forWatchers) {
        const watching = [...levels].filter(([, level]) => level === 'watching').map(([id]) => id)
        for (const id of [...watching, ...tags.watching, ...team.watching]) {
          if (!audience.has(id)) audience.set(id, forWatchers)
        }
      }
      for (const [id, level] of levels) if (level === 'muted') audience.delete(id)
      for (const id of tags.muted) if (levels.get(id) !== 'watching') audience.delete(id)
      for (const id of team.muted) audience.delete(id)
      if (teamId) {
        const allowed = await Team.bountyAudienceAmong(teamId, [...audience.keys()], client)
        for (const id of audience.keys()) if (!allowed.has(id)) audience.delete(id)
      }
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
