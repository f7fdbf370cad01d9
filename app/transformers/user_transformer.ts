import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'
import Ledger, { accounts } from '#ledger/ledger'
import UserProfileTransformer from '#transformers/user_profile_transformer'
import UserSettingsTransformer from '#transformers/user_settings_transformer'

/**
 * The signed-in member as they see themselves (GET /users/profile and the
 * `user` of register/login). Needs `profile` and `settings` loaded;
 * `balance` is what the wallet can spend now (held funds excluded).
 */
export default class UserTransformer extends BaseTransformer<User> {
  async toObject() {
    const user = this.resource
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      role: user.role,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      avatarUrl: user.avatarUrl ?? null,
      balance: await this.balance(),
      emailVerified: user.isVerified,
      profile: UserProfileTransformer.transform(user.profile),
      settings: UserSettingsTransformer.transform(user.settings),
      createdAt: user.createdAt.toUTC().toISO()!,
    }
  }

  private async balance() {
    const { balance } = await Ledger.balances(accounts.wallet(this.resource.id))
    return balance.toString()
  }
}
