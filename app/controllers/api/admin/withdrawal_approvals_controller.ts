import type { HttpContext } from '@adonisjs/core/http'
import ApproveWithdrawal from '#actions/treasury/approve_withdrawal'
import Transaction from '#models/transaction'
import WithdrawalPolicy from '#policies/withdrawal_policy'
import { serialize } from '#transformers/envelope'
import TreasuryTransactionTransformer from '#transformers/treasury_transaction_transformer'

/**
 * POST /admin/withdrawals/:id/approve: pay the held amount out.
 */
export default class WithdrawalApprovalsController {
  async store({ auth, params, request, bouncer }: HttpContext) {
    await bouncer.with(WithdrawalPolicy).authorize('viewAny')
    const withdrawal = await Transaction.findWithdrawalOrFail(params.id)
    await bouncer.with(WithdrawalPolicy).authorize('approve', withdrawal)
    const admin = auth.use('api').getUserOrFail()
    const approved = await ApproveWithdrawal.handle({ user: admin, ip: request.ip() }, withdrawal)
    await approved.load((loader) => loader.load('user').load('reviewedBy'))
    return serialize(TreasuryTransactionTransformer.transform(approved), {
      message: 'Withdrawal approved and paid out',
    })
  }
}
