import type { HttpContext } from '@adonisjs/core/http'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'
import { withdrawalFiltersValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TreasuryTransactionTransformer from '#transformers/treasury_transaction_transformer'

/**
 * GET /admin/withdrawals?status=: the treasury's queue and history.
 */
export default class WithdrawalsController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const { status, page = 1, limit = 20 } = await request.validateUsing(withdrawalFiltersValidator)
    const withdrawals = await Transaction.withdrawals(status).paginate(page, limit)
    return serialize(
      TreasuryTransactionTransformer.paginate(withdrawals.all(), withdrawals.getMeta())
    )
  }
}
