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
}
