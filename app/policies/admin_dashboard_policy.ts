import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The admin dashboard (I1): Corps-wide figures, Leaders only.
 */
export default class AdminDashboardPolicy extends BasePolicy {
  view(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
