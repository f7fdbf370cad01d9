import { DateTime } from 'luxon'
import { NotificationSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#models/user'
import type { NotificationType } from '#enums/notification'

/**
 * Details a notification carries besides its text: what it is about, so
 * clients can link or group it without parsing the message.
 */
export type NotificationData = {
  bountyId?: string
  commentId?: string
  transactionId?: string
  amount?: string
  [key: string]: unknown
}

/**
 * The `current` rule as SQL over the notifications aliased `alias`, for the
 * statements that count or write notifications by hand (Notify).
 */
export function currentNotificationSql(alias: string) {
  return `(${alias}.expires_at IS NULL OR ${alias}.expires_at > now())`
}

export type NotificationFilters = { unread?: boolean; type?: NotificationType }

/**
 * One thing a member was told about (D1), stored whatever channel it also
 * travelled by. Written by the Notify action only.
 */
export default class Notification extends NotificationSchema {
  @column()
  declare type: NotificationType

  @column()
  declare data: NotificationData

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  /**
   * Expired notifications are gone for the member even before
   * `notifications:prune` deletes them.
   */
  static current = scope((query) => {
    query.whereRaw(currentNotificationSql('notifications'))
  })

  static filtered = scope((query, filters: NotificationFilters) => {
    if (filters.unread) query.whereNull('read_at')
    if (filters.type) query.where('type', filters.type)
  })

  static newestFirst = scope((query) => {
    query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  })

  /**
   * A member's notification centre, one page at a time.
   */
  static inboxOf(user: User, filters: NotificationFilters, page = 1, limit = 20) {
    return Notification.query()
      .where('user_id', user.id)
      .withScopes((scopes) => {
        scopes.current()
        scopes.filtered(filters)
        scopes.newestFirst()
      })
      .preload('actor')
      .paginate(page, limit)
  }

  /**
   * Loads one of the member's notifications: anyone else's does not exist
   * for them (404).
   */
  static findOwnOrFail(user: User, id: string) {
    return Notification.query()
      .where('user_id', user.id)
      .where('id', id)
      .withScopes((scopes) => scopes.current())
      .firstOrFail()
  }

  static async unreadCountOf(userId: string) {
    const counts = await Notification.unreadCounts([userId])
    return counts.get(userId) ?? 0
  }

  /**
   * Unread counts of several members in one query (for the bell).
   */
  static async unreadCounts(userIds: string[]) {
    const counts = new Map<string, number>()
    if (!userIds.length) return counts
    const rows = await Notification.query()
      .whereIn('user_id', userIds)
      .whereNull('read_at')
      .withScopes((scopes) => scopes.current())
      .select('user_id')
      .count('* as total')
      .groupBy('user_id')
    for (const row of rows) counts.set(row.userId, Number(row.$extras.total))
    return counts
  }

  /**
   * Marks every unread notification of a member read; returns how many.
   */
  static async markAllReadFor(user: User) {
    const updated = await Notification.query()
      .where('user_id', user.id)
      .whereNull('read_at')
      .update({ read_at: DateTime.now().toISO() })
    return Number(updated[0] ?? 0)
  }

  get isRead() {
    return Boolean(this.readAt)
  }

  async markRead() {
    if (this.isRead) return this
    this.readAt = DateTime.now()
    return this.save()
  }
}
