import db from '@adonisjs/lucid/services/db'
import { NotificationPreferenceSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'
import {
  NOTIFICATION_TYPE_INFO,
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationType,
} from '#enums/notification'

export type NotificationPreferences = Record<NotificationType, NotificationChannel>

/**
 * A member's channel for one notification type (D3). Keyed by (user, type):
 * written through `saveFor`, never through `save()`, which only knows one
 * key column.
 */
export default class NotificationPreference extends NotificationPreferenceSchema {
  @column()
  declare type: NotificationType

  @column()
  declare channel: NotificationChannel

  /**
   * Every type with the member's channel, defaults filled in.
   */
  static async of(userId: string): Promise<NotificationPreferences> {
    const rows = await NotificationPreference.query().where('user_id', userId)
    const chosen = new Map(rows.map((row) => [row.type, row.channel]))
    return Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [
        type,
        chosen.get(type) ?? NOTIFICATION_TYPE_INFO[type].defaultChannel,
      ])
    ) as NotificationPreferences
  }

  /**
   * Stores the given choices; a choice equal to the default removes the
   * row, so a later change of default reaches everyone who never chose.
   */
  static async saveFor(userId: string, choices: Partial<NotificationPreferences>) {
    const entries = Object.entries(choices) as [NotificationType, NotificationChannel][]
    const custom = entries.filter(
      ([type, channel]) => channel !== NOTIFICATION_TYPE_INFO[type].defaultChannel
    )
    const defaults = entries.filter(
      ([type, channel]) => channel === NOTIFICATION_TYPE_INFO[type].defaultChannel
    )

    await db.transaction(async (trx) => {
      if (defaults.length) {
        await trx
          .from(NotificationPreference.table)
          .where('user_id', userId)
          .whereIn(
            'type',
            defaults.map(([type]) => type)
          )
          .delete()
      }
      if (custom.length) {
        await trx
          .knexQuery()
          .table(NotificationPreference.table)
          .insert(
            custom.map(([type, channel]) => ({
              user_id: userId,
              type,
              channel,
              updated_at: new Date(),
            }))
          )
          .onConflict(['user_id', 'type'])
          .merge(['channel', 'updated_at'])
      }
    })
  }
}
