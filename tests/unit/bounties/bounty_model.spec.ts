import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import type { ClaimStatus } from '#enums/bounty'

function bounty(slots: number, claims: ClaimStatus[]) {
  const model = new Bounty()
  model.maxCompletions = slots
  model.bountyAmount = Money.parse('25.00')
  model.status = 'AVAILABLE'
  model.isDraft = false
  model.$setRelated(
    'liveClaims',
    claims.map((status, index) => {
      const claim = new BountyClaim()
      claim.status = status
      claim.userId = `user-${index}`
      return claim
    })
  )
  return model
}

test.group('Bounty status follows its claims', () => {
  test('single slot: available, in progress, review, completed', ({ assert }) => {
    const cases: [ClaimStatus[], string, string | null][] = [
      [[], 'AVAILABLE', null],
      [['IN_PROGRESS'], 'IN_PROGRESS', 'user-0'],
      [['REVIEW'], 'REVIEW', 'user-0'],
      [['COMPLETED'], 'COMPLETED', 'user-0'],
      [['ABANDONED'], 'AVAILABLE', null],
    ]
    for (const [claims, status, assignee] of cases) {
      const model = bounty(1, claims)
      model.applyClaims()
      assert.equal(model.status, status, claims.join())
      assert.equal(model.assignedTo, assignee)
    }
  })

  test('multi-slot: available while a slot is free, then in progress until all review', ({
    assert,
  }) => {
    const cases: [ClaimStatus[], string][] = [
      [['IN_PROGRESS', 'COMPLETED'], 'AVAILABLE'],
      [['IN_PROGRESS', 'REVIEW', 'COMPLETED'], 'IN_PROGRESS'],
      [['REVIEW', 'REVIEW', 'COMPLETED'], 'REVIEW'],
      [['COMPLETED', 'COMPLETED', 'COMPLETED'], 'COMPLETED'],
    ]
    for (const [claims, status] of cases) {
      const model = bounty(3, claims)
      model.applyClaims()
      assert.equal(model.status, status, claims.join())
      assert.isNull(model.assignedTo)
    }
  })

  test('escrow covers every slot; open slots count live claims only', ({ assert }) => {
    const model = bounty(4, ['COMPLETED', 'IN_PROGRESS', 'EXPIRED'])
    assert.equal(model.escrowAmount.toString(), '100.00')
    assert.equal(model.openSlots, 2)
  })

  test('what remains in escrow is the reward of every slot not yet paid', ({ assert }) => {
    assert.equal(bounty(4, ['COMPLETED', 'IN_PROGRESS']).escrowRemaining.toString(), '75.00')
    assert.equal(bounty(1, ['COMPLETED']).escrowRemaining.toString(), '0.00')
  })

  test('claimable while published, available, with a free slot and the deadline ahead', ({
    assert,
  }) => {
    assert.isTrue(bounty(2, ['IN_PROGRESS']).isClaimable)
    const full = bounty(1, ['IN_PROGRESS'])
    full.applyClaims()
    assert.isFalse(full.isClaimable)
    const draft = bounty(1, [])
    draft.isDraft = true
    assert.isFalse(draft.isClaimable)
    const late = bounty(1, [])
    late.deadline = DateTime.now().minus({ minutes: 1 })
    assert.isFalse(late.isClaimable)
  })

  test('idle while open and nobody works on it', ({ assert }) => {
    assert.isTrue(bounty(2, ['COMPLETED']).isIdle)
    assert.isFalse(bounty(2, ['REVIEW']).isIdle)
    const cancelled = bounty(1, [])
    cancelled.status = 'CANCELLED'
    assert.isFalse(cancelled.isIdle)
  })

  test('a cancelled bounty stays cancelled', ({ assert }) => {
    const model = bounty(1, [])
    model.status = 'CANCELLED'
    model.applyClaims()
    assert.equal(model.status, 'CANCELLED')
  })
})

test.group('Claim transitions', () => {
  function claim(status: ClaimStatus) {
    const model = new BountyClaim()
    model.status = status
    return model
  }

  test('submit → review → changes requested → submit → completed', ({ assert }) => {
    const model = claim('IN_PROGRESS')
    model.submit()
    assert.equal(model.status, 'REVIEW')
    model.requestChanges()
    assert.equal(model.status, 'IN_PROGRESS')
    model.submit()
    model.approve('42')
    assert.equal(model.status, 'COMPLETED')
    assert.equal(model.payoutEntryId, '42')
  })

  test('every other move is INVALID_TRANSITION with a reason', ({ assert }) => {
    const refused: [ClaimStatus, (model: BountyClaim) => void, RegExp][] = [
      ['REVIEW', (model) => model.submit(), /already submitted/],
      ['IN_PROGRESS', (model) => model.approve('1'), /no submitted work/],
      ['IN_PROGRESS', (model) => model.requestChanges(), /no submitted work/],
      ['COMPLETED', (model) => model.approve('1'), /already approved and paid/],
      ['REVIEW', (model) => model.abandon(), /awaiting review/],
      ['ABANDONED', (model) => model.submit(), /has ended/],
      ['EXPIRED', (model) => model.abandon(), /has ended/],
      ['REVIEW', (model) => model.expire(), /awaiting review/],
    ]
    for (const [status, move, reason] of refused) {
      const model = claim(status)
      assert.throws(() => move(model), reason)
      assert.equal(model.status, status)
    }
  })

  test('activity clears a nudge', ({ assert }) => {
    const model = claim('IN_PROGRESS')
    model.nudge()
    assert.isNotNull(model.nudgedAt)
    model.touch()
    assert.isNull(model.nudgedAt)
  })
})
