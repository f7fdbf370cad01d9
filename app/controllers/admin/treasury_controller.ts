import type { HttpContext } from '@adonisjs/core/http'
import LedgerAccount from '#models/ledger_account'
import LedgerEntry from '#models/ledger_entry'
import LedgerVerification from '#models/ledger_verification'
import Transaction from '#models/transaction'
import WalletPolicy from '#policies/wallet_policy'
import { accounts } from '#ledger/ledger'
import { dailyBalanceChart } from '#charts/balance_chart'

const CIRCULATION_DAYS = 30

/**
 * The treasury (I4): totals, the last stored ledger:verify result, the
 * withdrawal queue, the deposit form and the latest journal entries.
 */
export default class TreasuryController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('viewTreasury')
    const [verification, running, totals, circulation, pending, flows, entries] = await Promise.all(
      [
        LedgerVerification.lastFinished(),
        LedgerVerification.pending(),
        LedgerAccount.totals(),
        dailyBalanceChart(accounts.treasury, CIRCULATION_DAYS, -1),
        Transaction.withdrawals('PENDING').limit(50),
        Transaction.treasuryFlows(),
        LedgerEntry.query()
          .withScopes((scopes) => scopes.latestWithPostings())
          .limit(15),
      ]
    )
    return view.render('pages/admin/treasury/show', {
      verification,
      running,
      totals,
      circulation,
      pending,
      flows,
      entries,
    })
  }
}
