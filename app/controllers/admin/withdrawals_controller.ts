import type { HttpContext } from '@adonisjs/core/http'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'
import { TRANSACTION_STATUSES } from '#enums/transaction'
import { withdrawalFiltersValidator } from '#validators/wallet'

/**
 * Every withdrawal request, by status.
 */
export default class WithdrawalsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const [, filters] = await withdrawalFiltersValidator.tryValidate(request.qs())
    const withdrawals = await Transaction.withdrawals(filters?.status).paginate(
      filters?.page ?? 1,
      25
    )
    withdrawals
      .baseUrl(request.url())
      .queryString(filters?.status ? { status: filters.status } : {})
    return view.render('pages/admin/withdrawals/index', {
      withdrawals,
      status: filters?.status ?? null,
      statuses: TRANSACTION_STATUSES,
    })
  }
}
