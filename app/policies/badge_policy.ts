import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The badge catalogue (E2, I5): Leaders list it, define badges, reword any
 * badge, delete the ones they defined, and grant or revoke those by hand.
 * Automatic badges follow their criteria only: deleting, granting or
 * revoking one is a state refusal of the actions in app/actions/badges.
 */
export default class BadgePolicy extends BasePolicy {
  manage(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
