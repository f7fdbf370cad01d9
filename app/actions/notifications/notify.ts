import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import type { QueryClientContract, TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  NOTIFICATION_TYPE_INFO,
  type NotificationChannel,
  type NotificationType,
} from '#enums/notification'
import Notification, { type NotificationData } from '#models/notification'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import User from '#models/user'
import NotificationMail from '#mails/notification_mail'
import { broadcastNotification } from '#services/broadcast'

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

type Delivery = { user: User; channel: Exclude<NotificationChannel, 'off'>; live: boolean }

/**
 * The one way to tell members something (D1–D3, K10). Stores a notification
 * per member who wants it, then, once the caller's transaction commits,
 * pushes each one live with the new unread count and queues the emails.
 * Pass the caller's transaction so nothing is announced for a change that
 * rolls back.
 */
export default class Notify {
  static async handle(input: NotifyInput, trx?: TransactionClientContract) {
    const client = trx ?? db.connection()
    const audience = await this.#audience(input, client)
    const deliveries = await this.#deliveries(input.type, [...audience.keys()], client)
    if (!deliveries.length) return []

    const now = DateTime.now()
    const notifications = await Notification.createMany(
      deliveries.map(({ user, channel }) => {
        const text = audience.get(user.id)!
        return {
          userId: user.id,
          actorId: input.actor?.id ?? null,
          type: input.type,
          title: text.title,
          message: text.message,
          url: input.url ?? null,
          data: input.data ?? {},
          emailedAt: channel === 'email' ? now : null,
          expiresAt: input.expiresAt ?? null,
        }
      }),
      { client }
    )
    for (const notification of notifications) {
      notification.$setRelated('actor', input.actor)
    }

    const deliver = () => this.#deliver(deliveries, notifications)
    if (trx) {
      trx.after('commit', deliver)
    } else {
      await deliver()
    }
    return notifications
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
   * How each member wants this type: their preference (or the type's
   * default), with email only when their account settings allow email, and
   * live pushes only when they allow live notifications. Deleted and
   * deactivated accounts get nothing.
   */
  static async #deliveries(type: NotificationType, userIds: string[], client: QueryClientContract) {
    if (!userIds.length) return []
    const users = await User.query({ client })
      .whereIn('users.id', userIds)
      .whereNull('users.deleted_at')
      .where('users.is_active', true)
      .leftJoin('user_settings', 'user_settings.user_id', 'users.id')
      .leftJoin('notification_preferences', (join) => {
        join
          .on('notification_preferences.user_id', '=', 'users.id')
          .andOnVal('notification_preferences.type', '=', type)
      })
      .select(
        'users.*',
        'user_settings.email_notifications',
        'user_settings.push_notifications',
        'notification_preferences.channel'
      )

    const deliveries: Delivery[] = []
    for (const user of users) {
      const chosen: NotificationChannel =
        user.$extras.channel ?? NOTIFICATION_TYPE_INFO[type].defaultChannel
      if (chosen === 'off') continue
      const emailAllowed = user.$extras.email_notifications !== false
      deliveries.push({
        user,
        channel: chosen === 'email' && emailAllowed ? 'email' : 'live',
        live: user.$extras.push_notifications !== false,
      })
    }
    return deliveries
  }

  /**
   * Runs after commit, so a failure here is logged, never thrown at a
   * caller whose change already happened.
   */
  static async #deliver(deliveries: Delivery[], notifications: Notification[]) {
    try {
      const counts = await Notification.unreadCounts(
        deliveries.filter((d) => d.live).map((d) => d.user.id)
      )
      for (const [index, { user, channel, live }] of deliveries.entries()) {
        const notification = notifications[index]
        if (live) await broadcastNotification(notification, counts.get(user.id) ?? 0)
        if (channel === 'email') await mail.sendLater(new NotificationMail(user, notification))
      }
    } catch (error) {
      logger.error({ err: error }, 'delivering notifications failed')
    }
  }
}
