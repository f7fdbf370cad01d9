import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type User from '#models/user'

/**
 * Who may move money into and out of wallets. A member only ever sees
 * their own wallet: controllers load it from the signed-in user.
 */
export default class WalletPolicy extends BasePolicy {
  /**
   * Unverified accounts can browse but not move money (A2).
   */
  moveMoney(user: User): AuthorizerResponse {
    return (
      user.isVerified || AuthorizationResponse.deny('Verify your email address before moving money')
    )
  }

  withdraw(user: User): AuthorizerResponse {
    return this.moveMoney(user)
  }

  /**
   * SendTip checks the recipient's half (active, not deleted) again inside
   * the statement that moves the money, and asks this method only to word
   * a refusal: a change here belongs there too.
   */
  tip(user: User, recipient: User): AuthorizerResponse {
    if (!user.isVerified) return this.moveMoney(user)
    if (recipient.id === user.id) return AuthorizationResponse.deny('You cannot tip yourself')
    if (!recipient.isActive || recipient.isDeleted) {
      return AuthorizationResponse.deny('This member cannot receive tips')
    }
    return true
  }

  /**
   * Deposits are the treasury's: only a Leader credits a wallet.
   */
  deposit(user: User, recipient: User): AuthorizerResponse {
    if (!user.isAdmin) return false
    return !recipient.isDeleted || AuthorizationResponse.deny('This account was deleted')
  }

  viewTreasury(user: User): AuthorizerResponse {
    return user.isAdmin
  }
}
