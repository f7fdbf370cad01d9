import { BaseTransformer } from '@adonisjs/core/transformers'
import type UserProfile from '#models/user_profile'

/**
 * A profile row created on the fly (UserProfile.firstOrCreate) has not read
 * its column defaults back, hence the fallbacks to what the table stores.
 */
export default class UserProfileTransformer extends BaseTransformer<UserProfile> {
  toObject() {
    const profile = this.resource
    return {
      bio: profile.bio ?? null,
      location: profile.location ?? null,
      website: profile.website ?? null,
      phone: profile.phone ?? null,
      jobTitle: profile.jobTitle ?? null,
      company: profile.company ?? null,
      experienceLevel: profile.experienceLevel ?? 'BEGINNER',
      portfolioUrl: profile.portfolioUrl ?? null,
      githubUsername: profile.githubUsername ?? null,
      linkedinUsername: profile.linkedinUsername ?? null,
      twitterUsername: profile.twitterUsername ?? null,
    }
  }
}
