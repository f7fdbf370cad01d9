import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import User from '#models/user'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import type { UserRole } from '#enums/user_role'
import type { ExperienceLevel, ProfileVisibility } from '#enums/profile'

/**
 * Every demo account signs in with this password (README lists the accounts).
 */
export const DEMO_PASSWORD = 'Corps2026'

type DemoUser = {
  username: string
  firstName: string
  lastName: string
  role: UserRole
  jobTitle: string
  company: string
  location: string
  bio: string
  experienceLevel: ExperienceLevel
  githubUsername?: string
  profileVisibility?: ProfileVisibility
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'kagaya',
    firstName: 'Kagaya',
    lastName: 'Ubuyashiki',
    role: 'OYAKATASAMA',
    jobTitle: 'Head of operations',
    company: 'Corps',
    location: 'Tokyo',
    bio: 'Keeps the treasury honest and the board moving.',
    experienceLevel: 'EXPERT',
  },
  {
    username: 'rengoku',
    firstName: 'Kyojuro',
    lastName: 'Rengoku',
    role: 'HASHIRA',
    jobTitle: 'Engineering lead',
    company: 'Corps',
    location: 'Osaka',
    bio: 'Reviews every pull request with enthusiasm. Set your heart ablaze.',
    experienceLevel: 'EXPERT',
    githubUsername: 'rengoku-dev',
  },
  {
    username: 'shinobu',
    firstName: 'Shinobu',
    lastName: 'Kocho',
    role: 'HASHIRA',
    jobTitle: 'QA lead',
    company: 'Corps',
    location: 'Kyoto',
    bio: 'Finds the bug you were sure was not there.',
    experienceLevel: 'ADVANCED',
  },
  {
    username: 'tanjiro',
    firstName: 'Tanjiro',
    lastName: 'Kamado',
    role: 'SLAYER',
    jobTitle: 'Full-stack developer',
    company: 'Corps',
    location: 'Mount Sagiri',
    bio: 'Never gives up on a flaky test.',
    experienceLevel: 'INTERMEDIATE',
    githubUsername: 'tanjiro-k',
  },
  {
    username: 'nezuko',
    firstName: 'Nezuko',
    lastName: 'Kamado',
    role: 'SLAYER',
    jobTitle: 'Designer',
    company: 'Corps',
    location: 'Mount Sagiri',
    bio: 'Quiet, precise, pixel-perfect.',
    experienceLevel: 'INTERMEDIATE',
    profileVisibility: 'FRIENDS_ONLY',
  },
  {
    username: 'zenitsu',
    firstName: 'Zenitsu',
    lastName: 'Agatsuma',
    role: 'SLAYER',
    jobTitle: 'Front-end developer',
    company: 'Corps',
    location: 'Tokyo',
    bio: 'Fast when it counts.',
    experienceLevel: 'BEGINNER',
  },
  {
    username: 'inosuke',
    firstName: 'Inosuke',
    lastName: 'Hashibira',
    role: 'SLAYER',
    jobTitle: 'DevOps engineer',
    company: 'Corps',
    location: 'The mountains',
    bio: 'Charges at every outage head first.',
    experienceLevel: 'BEGINNER',
    profileVisibility: 'PRIVATE',
  },
]

/**
 * Demo data for `npm run dev`: members in every role with profiles. Safe to
 * run again: accounts that already exist are left as they are.
 */
export default class MainSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    const existing = await User.query().whereIn(
      'username',
      DEMO_USERS.map((demo) => demo.username)
    )
    const missing = DEMO_USERS.filter(
      (demo) => !existing.some((user) => user.username === demo.username)
    )
    if (missing.length === 0) {
      console.log('Demo accounts already present')
      return
    }

    await db.transaction(async (trx) => {
      for (const demo of missing) {
        const user = await User.create(
          {
            username: demo.username,
            email: `${demo.username}@corps.test`,
            password: DEMO_PASSWORD,
            firstName: demo.firstName,
            lastName: demo.lastName,
            role: demo.role,
            emailVerifiedAt: DateTime.now(),
          },
          { client: trx }
        )
        await UserProfile.create(
          {
            userId: user.id,
            bio: demo.bio,
            jobTitle: demo.jobTitle,
            company: demo.company,
            location: demo.location,
            experienceLevel: demo.experienceLevel,
            githubUsername: demo.githubUsername ?? null,
          },
          { client: trx }
        )
        await UserSetting.create(
          { userId: user.id, profileVisibility: demo.profileVisibility ?? 'PUBLIC' },
          { client: trx }
        )
      }
    })

    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`)
    for (const demo of DEMO_USERS) {
      console.log(
        `  ${demo.role.padEnd(11)} ${demo.username.padEnd(8)} ${demo.username}@corps.test`
      )
    }
  }
}
