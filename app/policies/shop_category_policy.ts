import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The shop's categories (G1): Leaders create, rename, order and delete them.
 */
export default class ShopCategoryPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
