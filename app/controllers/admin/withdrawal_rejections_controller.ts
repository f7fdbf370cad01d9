import type { HttpContext } from '@adonisjs/core/http'
import RejectWithdrawal from '#actions/treasury/reject_withdrawal'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'
import { rejectWithdrawalValidator } from '#validators/wallet'

/**
 * Reject = return the held amount to the member, with a reason they see.
 */
export default class WithdrawalRejectionsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const withdrawal = await Transaction.findWithdrawalOrFail(params.id)
    await bouncer.with(WithdrawalPolicy).authorize('reject', withdrawal)
    const data = await request.validateUsing(rejectWithdrawalValidator)
    const admin = auth.use('web').getUserOrFail()
    await RejectWithdrawal.handle({ user: admin, ip: request.ip() }, withdrawal, data)
    session.flash(
      'success',
      `Withdrawal of ${withdrawal.amount.format()} rejected; the funds are back in the member’s wallet.`
    )
    return response.redirect().back()
  }
}
