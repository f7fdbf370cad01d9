import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/**
 * A member as Leaders see them in the admin API (I2): the account, its role
 * and status; never a secret.
 */
export default class AdminUserTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    return {
      id: user.id,
      username: user.username,
      email: user.email,
      firstName: user.firstName ?? null,
      lastName: user.lastName ?? null,
      role: user.role,
      active: user.isActive,
      emailVerified: user.isVerified,
      lastLoginAt: user.lastLoginAt?.toUTC().toISO() ?? null,
      createdAt: user.createdAt.toUTC().toISO()!,
    }
  }
}
