import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import type { ExperienceLevel } from '#enums/profile'

/**
 * Absent keys stay as they are; null clears a field.
 */
export type UpdateProfileData = {
  firstName?: string | null
  lastName?: string | null
  bio?: string | null
  location?: string | null
  website?: string | null
  phone?: string | null
  jobTitle?: string | null
  company?: string | null
  experienceLevel?: ExperienceLevel
  portfolioUrl?: string | null
  githubUsername?: string | null
  linkedinUsername?: string | null
  twitterUsername?: string | null
}

const present = <T extends object>(values: T) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T

export default class UpdateProfile {
  static async handle(user: User, data: UpdateProfileData) {
    const { firstName, lastName, ...profileData } = data
    await user.loadProfileAndSettings()
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.merge(present({ firstName, lastName }))
      await user.save()
      user.profile.useTransaction(trx)
      user.profile.merge(present(profileData))
      await user.profile.save()
    })
    return user
  }
}
