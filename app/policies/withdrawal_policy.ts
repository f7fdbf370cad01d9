import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'
import type Transaction from '#models/transaction'

/**
 * Withdrawal requests are decided by a Leader, never by the person who
 * asked to be paid (four eyes on money leaving Corps).
 */
export default class WithdrawalPolicy extends BasePolicy {
  viewAny(user: User): AuthorizerResponse {
    return user.isAdmin
  }

  approve(user: User, withdrawal: Transaction): AuthorizerResponse {
    return this.decide(user, withdrawal)
  }

  reject(user: User, withdrawal: Transaction): AuthorizerResponse {
    return this.decide(user, withdrawal)
  }

  private decide(user: User, withdrawal: Transaction): AuthorizerResponse {
    if (!user.isAdmin) return false
    if (withdrawal.userId === user.id) {
      return AuthorizationResponse.deny('Another leader must decide your own withdrawal')
    }
    return true
  }
}
