import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { Bouncer } from '@adonisjs/bouncer'
import Bounty from '#models/bounty'
import BountyClaim from '#models/bounty_claim'
import User from '#models/user'
import { policies } from '#policies/main'
import type { UserRole } from '#enums/user_role'

/**
 * The policy side of docs/permissions.md, without HTTP: guests (whom the
 * JSON API never lets through) and the rules that need no database.
 */
function person(role: UserRole = 'SLAYER', verified = true) {
  const user = new User()
  user.id = randomUUID()
  user.role = role
  user.emailVerifiedAt = verified ? DateTime.now() : null
  return user
}

function bountyOf(
  poster: User,
  options: { draft?: boolean; teamId?: string; claimant?: User } = {}
) {
  const bounty = new Bounty()
  bounty.id = randomUUID()
  bounty.createdBy = poster.id
  bounty.isDraft = options.draft ?? false
  bounty.teamId = options.teamId ?? null
  bounty.deletedAt = null
  bounty.maxCompletions = 1
  const claims = []
  if (options.claimant) {
    const claim = new BountyClaim()
    claim.userId = options.claimant.id
    claim.status = 'IN_PROGRESS'
    claims.push(claim)
  }
  bounty.$setRelated('liveClaims', claims)
  return bounty
}

function can(user: User | null, action: string, bounty?: Bounty) {
  const bouncer = new Bouncer(user, {}, policies)
  return (bouncer.with('BountyPolicy') as any).allows(action, bounty)
}

test.group('BountyPolicy', () => {
  test('guests may see published public bounties, never drafts or team bounties', async ({
    assert,
  }) => {
    const poster = person()
    assert.isTrue(await can(null, 'view', bountyOf(poster)))
    assert.isFalse(await can(null, 'view', bountyOf(poster, { draft: true })))
    assert.isFalse(await can(null, 'view', bountyOf(poster, { teamId: randomUUID() })))
  })

  test('guests may do nothing else', async ({ assert }) => {
    const bounty = bountyOf(person())
    for (const action of [
      'create',
      'update',
      'delete',
      'publish',
      'claim',
      'assign',
      'submit',
      'approve',
      'requestChanges',
      'abandon',
      'cancel',
      'comment',
      'attach',
      'viewSubmissions',
    ]) {
      assert.isFalse(await can(null, action, bounty), action)
    }
  })

  test('drafts are their author’s alone, whoever else asks', async ({ assert }) => {
    const poster = person()
    const draft = bountyOf(poster, { draft: true })
    assert.isTrue(await can(poster, 'view', draft))
    for (const other of [
      person('OYAKATASAMA'),
      person('HASHIRA'),
      person(),
      person('SLAYER', false),
    ]) {
      assert.isFalse(await can(other, 'view', draft))
    }
  })

  test('unverified members browse but cannot post, claim, comment or review', async ({
    assert,
  }) => {
    const unverifiedPillar = person('HASHIRA', false)
    const bounty = bountyOf(person())
    assert.isTrue(await can(unverifiedPillar, 'view', bounty))
    for (const action of ['create', 'claim', 'assign', 'approve', 'requestChanges', 'comment']) {
      assert.isFalse(await can(unverifiedPillar, action, bounty), action)
    }
  })

  test('a reviewer never reviews their own work', async ({ assert }) => {
    const leader = person('OYAKATASAMA')
    const bounty = bountyOf(person(), { claimant: leader })
    assert.isFalse(await can(leader, 'approve', bounty))
    assert.isFalse(await can(leader, 'requestChanges', bounty))
    assert.isTrue(await can(person('OYAKATASAMA'), 'approve', bounty))
  })

  test('Pillars review only their teams’ bounties: one open to all is its poster’s and Leaders’', async ({
    assert,
  }) => {
    const bounty = bountyOf(person())
    for (const action of ['assign', 'approve', 'requestChanges', 'viewSubmissions']) {
      assert.isFalse(await can(person('HASHIRA'), action, bounty), action)
      assert.isTrue(await can(person('OYAKATASAMA'), action, bounty), action)
    }
  })

  test('a published team bounty shows to Leaders whatever their teams; a draft still only to its author', async ({
    assert,
  }) => {
    const poster = person()
    assert.isTrue(
      await can(person('OYAKATASAMA'), 'view', bountyOf(poster, { teamId: randomUUID() }))
    )
    const draft = bountyOf(poster, { teamId: randomUUID(), draft: true })
    assert.isFalse(await can(person('OYAKATASAMA'), 'view', draft))
  })
})
