import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import UserProfile from '#models/user_profile'
import UserSetting from '#models/user_setting'
import UserSession from '#models/user_session'
import { avatarKey } from '#actions/users/update_avatar'
import type User from '#models/user'

export default class DeleteAccount {
  /**
   * Anonymises the person but keeps the row, which ledger entries, bounties
   * and comments keep pointing at. Nothing that identifies them survives,
   * the password can never match again, and every session and token ends.
   */
  static async handle(user: User, password: string) {
    await user.assertPassword(password)
    const previousAvatar = avatarKey(user.avatarUrl)
    const tag = user.id.replace(/-/g, '').slice(0, 12)

    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.merge({
        username: `deleted_${tag}`,
        email: `deleted_${tag}@deleted.invalid`,
        firstName: null,
        lastName: null,
        avatarUrl: null,
        password: randomBytes(32).toString('base64url'),
        isActive: false,
        deletedAt: DateTime.now(),
        emailVerifiedAt: null,
        twoFactorSecret: null,
        twoFactorRecoveryCodes: null,
        twoFactorLastTimeStep: null,
      })
      await user.save()

      await UserProfile.query({ client: trx }).where('user_id', user.id).delete()
      await UserProfile.create({ userId: user.id }, { client: trx })
      await UserSetting.updateOrCreate(
        { userId: user.id },
        {
          emailNotifications: false,
          pushNotifications: false,
          marketingEmails: false,
          twoFactorEnabled: false,
          profileVisibility: 'PRIVATE',
        },
        { client: trx }
      )
      await UserSession.endAllOf(user.id, { trx })
      await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      await trx.from('user_tokens').where('user_id', user.id).delete()
    })

    if (previousAvatar) await drive.use().delete(previousAvatar)
    return user
  }
}
