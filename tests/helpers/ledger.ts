import db from '@adonisjs/lucid/services/db'
import type { Group } from '@japa/runner/core'
import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import type User from '#models/user'

/**
 * Credits a wallet from the treasury, as a deposit would (without the
 * history line, which these tests do not look at).
 */
export async function fund(user: User, amount: string) {
  await Ledger.transaction((trx) =>
    Ledger.transfer(trx, {
      from: accounts.treasury,
      to: accounts.wallet(user.id),
      amount: Money.parse(amount),
      description: 'Test funding',
    })
  )
}

export async function balancesOf(user: User) {
  const { balance, held } = await Ledger.balances(accounts.wallet(user.id))
  return { balance: balance.toString(), held: held.toString() }
}

/**
 * Keeps the badge catalogue: its automatic badges are written by migration
 * 0840, as on a real install.
 */
function truncateAll() {
  return db.connection().truncateAllTables(['adonis_schema', 'adonis_schema_versions', 'badges'])
}

/**
 * Real concurrency and the deferred (commit-time) ledger checks need real
 * commits: these groups start and end each test on empty tables instead of
 * wrapping it in the global transaction.
 */
export function truncateEachTest(group: Group) {
  group.each.setup(async () => {
    await truncateAll()
    return truncateAll
  })
}
