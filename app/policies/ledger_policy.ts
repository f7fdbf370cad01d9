import { BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * The ledger's read side (I4): the explorer, an entry's page, its CSV
 * export and the stored `ledger:verify` results. Leaders only.
 */
export default class LedgerPolicy extends BasePolicy {
  viewAny(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  export(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  /**
   * Queueing a whole-ledger check costs a full scan: admins only.
   */
  verify(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
