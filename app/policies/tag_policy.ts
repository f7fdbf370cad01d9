import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The taxonomy's tags (I5): members create tags by using them; only
 * Leaders rename, recolour, merge or delete one (DeleteTag refuses a tag
 * still on bounties).
 */
export default class TagPolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
