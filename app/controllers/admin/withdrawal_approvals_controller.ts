import type { HttpContext } from '@adonisjs/core/http'
import ApproveWithdrawal from '#actions/treasury/approve_withdrawal'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'

/**
 * Approve = pay the held amount out.
 */
export default class WithdrawalApprovalsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const withdrawal = await Transaction.findWithdrawalOrFail(params.id)
    await bouncer.with(WithdrawalPolicy).authorize('approve', withdrawal)
    const admin = auth.use('web').getUserOrFail()
    await ApproveWithdrawal.handle({ user: admin, ip: request.ip() }, withdrawal)
    session.flash('success', `Withdrawal of ${withdrawal.amount.format()} approved and paid out.`)
    return response.redirect().back()
  }
}
