import { UserSettingSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'
import type { ProfileVisibility } from '#enums/profile'

export default class UserSetting extends UserSettingSchema {
  @column({ isPrimary: true })
  declare userId: string

  @column()
  declare profileVisibility: ProfileVisibility

  @column()
  declare leaderboardOptOut: boolean

  /**
   * The member's clock (H2): their analytics weeks start on Monday at
   * midnight there.
   */
  static async timezoneOf(user: { id: string }) {
    const row = await UserSetting.query().where('user_id', user.id).select('timezone').first()
    return row?.timezone ?? 'UTC'
  }
}
