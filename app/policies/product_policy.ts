import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The shop's catalogue (G1): Leaders list every product (hidden and
 * archived ones too), create, edit, archive and delete them.
 */
export default class ProductPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
