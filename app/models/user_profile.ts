import { UserProfileSchema } from '#database/schema'
import { column } from '@adonisjs/lucid/orm'
import type { ExperienceLevel } from '#enums/profile'

export default class UserProfile extends UserProfileSchema {
  @column({ isPrimary: true })
  declare userId: string

  @column()
  declare experienceLevel: ExperienceLevel
}
