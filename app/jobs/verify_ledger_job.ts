import RunLedgerVerification from '#actions/admin/run_ledger_verification'
import { OutboxJob } from '#services/outbox'

/**
 * `node ace ledger:verify` from the scheduler (nightly) or from an admin's
 * "Verify now" (`verificationId`, the row the page shows as running).
 */
export default class VerifyLedgerJob extends OutboxJob<{ verificationId?: string }> {
  // A ledger of millions of postings takes minutes; the default 2-minute
  // timeout would start a second run beside the first.
  static options = { name: 'VerifyLedgerJob', timeout: '60m' }

  async handle({ verificationId }: { verificationId?: string }) {
    await RunLedgerVerification.handle({
      source: verificationId ? 'admin' : 'schedule',
      verificationId,
    })
  }
}
