import { DateTime } from 'luxon'
import User from '#models/user'
import UserSession from '#models/user_session'

/**
 * Everything the account owns, as plain JSON-able data (A7). Never a secret
 * or a hash: no password, two-factor secret, recovery codes or token values.
 * Features that add data owned by a member (bounties, wallet…) add their
 * section here.
 */
export default class ExportAccount {
  static async handle(user: User) {
    await user.loadProfileAndSettings()
    const sessions = await UserSession.ofUser(user.id)
    const tokens = await User.accessTokens.all(user)
    const { profile, settings } = user

    return {
      exportedAt: DateTime.now().toISO(),
      user: {
        id: user.id,
        username: user.username,
        email: user.email,
        firstName: user.firstName,
        lastName: user.lastName,
        role: user.role,
        avatarUrl: user.avatarUrl,
        emailVerifiedAt: user.emailVerifiedAt?.toISO() ?? null,
        lastLoginAt: user.lastLoginAt?.toISO() ?? null,
        passwordChangedAt: user.passwordChangedAt?.toISO() ?? null,
        createdAt: user.createdAt.toISO(),
        updatedAt: user.updatedAt.toISO(),
      },
      profile: {
        bio: profile.bio,
        location: profile.location,
        website: profile.website,
        phone: profile.phone,
        jobTitle: profile.jobTitle,
        company: profile.company,
        experienceLevel: profile.experienceLevel,
        portfolioUrl: profile.portfolioUrl,
        githubUsername: profile.githubUsername,
        linkedinUsername: profile.linkedinUsername,
        twitterUsername: profile.twitterUsername,
      },
      settings: {
        emailNotifications: settings.emailNotifications,
        pushNotifications: settings.pushNotifications,
        marketingEmails: settings.marketingEmails,
        profileVisibility: settings.profileVisibility,
        twoFactorEnabled: settings.twoFactorEnabled,
        leaderboardOptOut: settings.leaderboardOptOut,
      },
      sessions: sessions.map((session) => ({
        device: session.device,
        ipAddress: session.ipAddress,
        userAgent: session.userAgent,
        lastSeenAt: session.lastSeenAt?.toISO() ?? null,
        createdAt: session.createdAt.toISO(),
        expiresAt: session.expiresAt.toISO(),
      })),
      apiTokens: tokens.map((token) => ({
        name: token.name,
        abilities: token.abilities,
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        expiresAt: token.expiresAt?.toISOString() ?? null,
      })),
    }
  }
}
