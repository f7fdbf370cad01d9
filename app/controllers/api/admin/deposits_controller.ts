import type { HttpContext } from '@adonisjs/core/http'
import DepositFunds from '#actions/treasury/deposit_funds'
import User from '#models/user'
import WalletPolicy from '#policies/wallet_policy'
import { depositValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TreasuryTransactionTransformer from '#transformers/treasury_transaction_transformer'

/**
 * POST /admin/deposits: the treasury credits a member.
 */
export default class DepositsController {
  async store({ auth, request, response, bouncer }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('viewTreasury')
    const { userId, username, ...data } = await request.validateUsing(depositValidator)
    const recipient = await User.findByOrFail(userId ? 'id' : 'username', userId ?? username)
    await bouncer.with(WalletPolicy).authorize('deposit', recipient)
    const admin = auth.use('api').getUserOrFail()
    const deposit = await DepositFunds.handle(
      { user: admin, ip: request.ip() },
      { recipient, ...data }
    )
    await deposit.load('user')
    response.status(201)
    return serialize(TreasuryTransactionTransformer.transform(deposit), {
      message: `${deposit.amount.format()} credited to @${recipient.username}`,
    })
  }
}
