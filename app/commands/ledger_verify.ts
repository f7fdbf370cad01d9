import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { LedgerReport, VerifyProgress } from '#ledger/verify'

/**
 * Recomputes every balance from the postings (C5). Exits with 1
 * on any mismatch, so it can gate a deploy or page an operator. The result
 * is kept for the admin pages (ledger_verifications).
 */
export default class LedgerVerify extends BaseCommand {
  static commandName = 'ledger:verify'
  static description =
    'Recompute every balance from the postings; check entries balance, no wallet is negative and cached balances and holds match'
  static options: CommandOptions = { startApp: true }

  @flags.number({ description: 'Rows checked per batch', default: 5000 })
  declare batchSize: number

  @flags.boolean({ description: 'Print the report as JSON (for scripts)' })
  declare json: boolean

  async run() {
    const { default: RunLedgerVerification } =
      await import('#actions/admin/run_ledger_verification')
    const { report } = await RunLedgerVerification.handle({
      source: 'command',
      batchSize: this.batchSize,
      onProgress: this.json ? undefined : (progress) => this.progress(progress),
    })
    if (this.json) {
      this.logger.log(JSON.stringify(report, null, 2))
    } else {
      this.summarize(report)
    }
    if (!report.ok) this.exitCode = 1
  }

  /**
   * Only long runs (more than one batch) print progress.
   */
  private progress({ phase, done, total }: VerifyProgress) {
    if (total <= this.batchSize) return
    this.logger.info(`${phase}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`)
  }

  private summarize(report: LedgerReport) {
    const table = this.ui.table()
    table.head(['Checked', 'Count'])
    table.row(['Accounts', String(report.counts.accounts)])
    table.row(['Journal entries', String(report.counts.entries)])
    table.row(['Postings', String(report.counts.postings)])
    table.row(['Open holds', String(report.counts.openHolds)])
    table.row(['Sum of all postings', report.total.toString()])
    table.row(['In wallets', report.balancesByKind.WALLET.toString()])
    table.row(['Held from wallets', report.heldInWallets.toString()])
    table.row(['Treasury', report.balancesByKind.TREASURY.toString()])
    table.render()

    for (const problem of report.problems) {
      this.logger.error(`${problem.check}: ${problem.subject}: ${problem.message}`)
    }
    if (report.problemCount > report.problems.length) {
      this.logger.error(`… and ${report.problemCount - report.problems.length} more problem(s)`)
    }
    if (report.ok) {
      this.logger.success(`Ledger verified in ${report.durationMs} ms: no mismatch`)
    } else {
      this.logger.error(`Ledger verification failed: ${report.problemCount} problem(s)`)
    }
  }
}
