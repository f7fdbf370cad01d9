import factory from '@adonisjs/lucid/factories'
import UserProfile from '#models/user_profile'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A filled-in profile. UserFactory already gives every user an empty one,
 * so without a `userId` this saves a fresh user without a profile first.
 * State: `expert`.
 */
export const UserProfileFactory = factory
  .define(UserProfile, ({ faker }) => ({
    bio: faker.lorem.sentence(),
    location: faker.location.city(),
    website: faker.internet.url(),
    jobTitle: faker.person.jobTitle().slice(0, 100),
    company: faker.company.name().slice(0, 100),
    experienceLevel: 'INTERMEDIATE' as const,
    githubUsername: faker.internet.username().slice(0, 100),
  }))
  .state('expert', (profile) => {
    profile.experienceLevel = 'EXPERT'
  })
  .before('create', async (_, profile, { $trx }) => {
    if (profile.userId) return
    const user = await UserFactory.make()
    await user.useTransaction($trx!).save()
    profile.userId = user.id
  })
  .build()
