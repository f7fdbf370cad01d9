import type { HttpContext } from '@adonisjs/core/http'
import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import LedgerPolicy from '#policies/ledger_policy'

/**
 * "Verify now" (I4): queues a whole-ledger check for the worker; the
 * treasury page shows it running until it finishes.
 */
export default class LedgerVerificationsController {
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(LedgerPolicy).authorize('verify')
    const admin = auth.use('web').getUserOrFail()
    await RunLedgerVerification.request({ user: admin, ip: request.ip() })
    session.flash('success', 'Ledger check queued: this page shows its result when it finishes.')
    return response.redirect().toRoute('admin.treasury.show')
  }
}
