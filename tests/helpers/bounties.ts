import type { Assert } from '@japa/assert'
import { UserFactory } from '#database/factories/user_factory'
import Money from '#ledger/money'
import { verifyLedger } from '#ledger/verify'
import Bounty from '#models/bounty'
import type User from '#models/user'
import CreateBounty, { type CreateBountyData } from '#actions/bounties/create_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SubmitWork from '#actions/bounties/submit_work'
import { fund } from '#tests/helpers/ledger'

export type Role = 'verified' | 'unverified' | 'pillar' | 'admin'

/**
 * A member in one of the roles the permission table names.
 */
export function member(role: Role = 'verified') {
  return role === 'unverified'
    ? UserFactory.create()
    : UserFactory.apply(role === 'verified' ? 'verified' : role).create()
}

/**
 * A verified member with money in their wallet.
 */
export async function funded(amount = '1000.00', role: Role = 'verified') {
  const user = await member(role)
  await fund(user, amount)
  return user
}

export async function postBounty(poster: User, overrides: Partial<CreateBountyData> = {}) {
  return CreateBounty.handle(poster, {
    title: 'Fix the login page',
    description: 'The **submit** button hides below the fold.',
    bountyAmount: Money.parse('100.00'),
    ...overrides,
  })
}

/**
 * A bounty someone works on (claimed), optionally with work submitted.
 */
export async function workedOn(poster: User, assignee: User, stage: 'claimed' | 'submitted') {
  const bounty = await postBounty(poster)
  await ClaimBounty.handle(assignee, bounty)
  if (stage === 'submitted') await SubmitWork.handle(assignee, bounty, { note: 'Done' })
  return Bounty.findOrFail(bounty.id)
}

/**
 * The ledger recomputed from its postings agrees with every cached
 * balance, hold and total.
 */
export async function assertLedgerClean(assert: Assert) {
  const report = await verifyLedger()
  assert.deepEqual(report.problems, [])
  assert.isTrue(report.ok)
}
