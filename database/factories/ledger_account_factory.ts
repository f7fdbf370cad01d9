import factory from '@adonisjs/lucid/factories'
import Money from '#ledger/money'
import LedgerAccount from '#models/ledger_account'
import { UserFactory } from '#database/factories/user_factory'
import { BountyFactory } from '#database/factories/bounty_factory'
import { TransactionFactory } from '#database/factories/transaction_factory'

/**
 * Funded accounts, for the `funded` state.
 */
const funded = new WeakSet<LedgerAccount>()

/**
 * An empty wallet of a fresh member (unless `userId` is given), as
 * `Ledger.openAccount` opens it. Balances follow postings only, so never
 * merge `balance` or `held`. States: `escrow` (empty, of a new draft unless
 * `bountyId` is given) and, on create(), `funded` (a 100.00 deposit through
 * the ledger, with its history line).
 */
export const LedgerAccountFactory = factory
  .define(LedgerAccount, () => ({
    kind: 'WALLET' as const,
    balance: Money.ZERO,
    held: Money.ZERO,
  }))
  .state('escrow', (account) => {
    account.kind = 'ESCROW'
  })
  .state('funded', (account) => {
    funded.add(account)
  })
  .before('create', async (_, account, { $trx }) => {
    const trx = $trx!
    if (account.kind === 'WALLET' && !account.userId) {
      const owner = await UserFactory.client(trx).apply('verified').create()
      account.userId = owner.id
    }
    if (account.kind === 'ESCROW' && !account.bountyId) {
      const draft = await BountyFactory.client(trx).create()
      account.bountyId = draft.id
    }
  })
  .after('create', async (_, account, { $trx }) => {
    if (!funded.has(account)) return
    if (account.kind !== 'WALLET') {
      throw new Error('Only a wallet is funded directly: escrow is filled by publishing a bounty')
    }
    await TransactionFactory.client($trx!)
      .merge({ userId: account.userId!, amount: Money.parse('100.00') })
      .create()
    await account.refresh()
  })
  .build()
