import { randomUUID } from 'node:crypto'
import factory from '@adonisjs/lucid/factories'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import Transaction from '#models/transaction'
import { UserFactory } from '#database/factories/user_factory'

/**
 * A completed treasury deposit into a fresh verified member's wallet
 * (unless `userId` is given). A history line points at the ledger entry
 * that moved its money, so the money really moves, through app/ledger, in
 * the factory's transaction; pass `entryId` and the balances to only record
 * a movement already made. State: `pendingWithdrawal` (the amount is deposited, then
 * held for payout as RequestWithdrawal does).
 */
export const TransactionFactory = factory
  .define(Transaction, ({ faker }) => ({
    type: 'DEPOSIT' as const,
    status: 'COMPLETED' as const,
    amount: Money.parse(faker.number.int({ min: 10, max: 500 })),
    description: 'Deposit',
    metadata: { kind: 'deposit' as const },
  }))
  .state('pendingWithdrawal', (line) => {
    line.id = randomUUID()
    line.type = 'WITHDRAWAL'
    line.status = 'PENDING'
    line.description = 'Withdrawal request'
    line.metadata = { kind: 'withdrawal' }
  })
  .before('create', async (_, line, { $trx }) => {
    const trx = $trx!
    if (!line.userId) {
      const member = await UserFactory.client(trx).apply('verified').create()
      line.userId = member.id
    }
    if (line.entryId) return
    const wallet = accounts.wallet(line.userId)
    const movement = await move(trx, line)
    line.entryId = movement.entryId
    line.holdId = movement.holdId
    line.balanceBefore = movement.balanceBefore(wallet)
    line.balanceAfter = movement.balanceAfter(wallet)
  })
  .build()

async function move(trx: TransactionClientContract, line: Transaction) {
  const wallet = accounts.wallet(line.userId)
  const deposit = (description: string) =>
    Ledger.transfer(trx, { from: accounts.treasury, to: wallet, amount: line.amount, description })
  if (line.type === 'DEPOSIT') return deposit('Factory deposit')
  if (line.type === 'WITHDRAWAL' && line.status === 'PENDING') {
    await deposit('Factory funding for a withdrawal')
    return Ledger.hold(trx, {
      from: wallet,
      into: accounts.pendingWithdrawals,
      amount: line.amount,
      purpose: 'WITHDRAWAL',
      referenceId: line.id,
      description: 'Factory withdrawal request',
    })
  }
  throw new Error(`Give the entryId of the movement behind a ${line.type} ${line.status} line`)
}
