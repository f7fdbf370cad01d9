import type { HttpContext } from '@adonisjs/core/http'
import LedgerEntry from '#models/ledger_entry'
import Transaction from '#models/transaction'
import WalletPolicy from '#policies/wallet_policy'
import { verifyLedger } from '#ledger/verify'
import { accounts } from '#ledger/ledger'
import { dailyBalanceChart } from '#charts/balance_chart'

const CIRCULATION_DAYS = 30

/**
 * The treasury (I4): totals, the ledger:verify result, the withdrawal
 * queue, the deposit form and the latest journal entries.
 */
export default class TreasuryController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.with(WalletPolicy).authorize('viewTreasury')
    const [report, circulation, pending, flows, entries] = await Promise.all([
      verifyLedger(),
      dailyBalanceChart(accounts.treasury, CIRCULATION_DAYS, -1),
      Transaction.withdrawals('PENDING').limit(50),
      Transaction.treasuryFlows(),
      LedgerEntry.query()
        .withScopes((scopes) => scopes.latestWithPostings())
        .limit(15),
    ])
    return view.render('pages/admin/treasury/show', {
      report,
      circulation,
      pending,
      flows,
      entries,
    })
  }
}
