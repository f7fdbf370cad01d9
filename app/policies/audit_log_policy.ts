import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The audit log (I6) is read by Leaders only; nobody writes it by hand.
 */
export default class AuditLogPolicy extends BasePolicy {
  viewAny(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
