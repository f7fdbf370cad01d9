import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import AwayPeriod from '#models/away_period'
import BountyClaim from '#models/bounty_claim'
import type User from '#models/user'
import ClaimBounty from '#actions/bounties/claim_bounty'
import SweepStaleClaims from '#actions/bounties/sweep_stale_claims'
import RemindCheckIns from '#actions/checkins/remind_check_ins'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { teamOf } from '#tests/helpers/teams'
import { bearerFor } from '#tests/functional/api/support'
import '#tests/helpers/openapi'

function awayFor(user: User, days: number) {
  return AwayPeriod.create({
    userId: user.id,
    startsAt: DateTime.now().minus({ hours: 1 }),
    endsAt: DateTime.now().plus({ days }),
  })
}

const inDays = (days: number) => DateTime.utc().plus({ days }).toISODate()!

test.group('Away mode: settings', (group) => {
  isolateDatabase(group)

  test('a member goes away until a day within four weeks, then comes back early', async ({
    client,
    assert,
  }) => {
    const user = await member()
    assert.isNull(await AwayPeriod.current(user.id))

    const away = await client
      .put(urlFor('away.update'))
      .loginAs(user)
      .form({ until: inDays(10) })
      .withCsrfToken()
      .redirects(0)

    away.assertHeader('location', urlFor('away.edit'))
    const period = await AwayPeriod.current(user.id)
    assert.equal(period!.endsAt.toUTC().toISODate(), inDays(10))
    const page = await client.get(urlFor('away.edit')).loginAs(user)
    page.assertTextIncludes('You are away until')

    await client.delete(urlFor('away.destroy')).loginAs(user).withCsrfToken().redirects(0)
    assert.isNull(await AwayPeriod.current(user.id))
    assert.lengthOf(await db.from('away_periods').where('user_id', user.id), 1)
  })

  test('moving the return day past four weeks after leaving starts a new stretch, not an error', async ({
    client,
    assert,
  }) => {
    const user = await member()
    await AwayPeriod.create({
      userId: user.id,
      startsAt: DateTime.now().minus({ days: 10 }),
      endsAt: DateTime.now().plus({ days: 5 }),
    })

    const response = await client
      .put(urlFor('away.update'))
      .loginAs(user)
      .form({ until: inDays(28) })
      .withCsrfToken()
      .redirects(0)

    response.assertHeader('location', urlFor('away.edit'))
    const periods = await AwayPeriod.query().where('user_id', user.id).orderBy('starts_at')
    assert.lengthOf(periods, 2)
    assert.isAtMost(periods[0].endsAt.toMillis(), Date.now())
    assert.equal(periods[1].endsAt.toUTC().toISODate(), inDays(28))
    assert.equal((await AwayPeriod.current(user.id))!.id, periods[1].id)
  })

  test('more than four weeks, a past day or no date is refused and nothing is saved', async ({
    client,
    assert,
  }) => {
    const user = await member()
    for (const until of [inDays(29), inDays(0), '', 'soon']) {
      const response = await client
        .put(urlFor('away.update'))
        .loginAs(user)
        .form({ until })
        .withCsrfToken()
        .redirects(0)
      assert.property(response.flashMessage('inputErrorsBag'), 'until', `until=${until}`)
    }
    assert.lengthOf(await db.from('away_periods').where('user_id', user.id), 0)
  })

  test('signed out, the away page sends to the login', async ({ client }) => {
    const response = await client.get(urlFor('away.edit')).redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', urlFor('session.create'))
  })
})

test.group('Away mode: not assigned, not nudged', (group) => {
  isolateDatabase(group)

  test('assigning a bounty to a member who is away is refused with when they are back', async ({
    client,
    assert,
  }) => {
    const poster = await funded('200.00')
    const traveller = await member()
    await awayFor(traveller, 5)
    const bounty = await postBounty(poster)

    const response = await client
      .post(`/api/v1/bounties/${bounty.id}/assign`)
      .header('authorization', await bearerFor(poster))
      .json({ userId: traveller.id })

    response.assertStatus(403)
    assert.match(response.body().error.message, /is away until .* and cannot be assigned work/)
    assert.lengthOf(await BountyClaim.query().where('bounty_id', bounty.id), 0)
  })

  test('a quiet claim of a member who is away is not nudged; others are', async ({ assert }) => {
    const poster = await funded('500.00')
    const [traveller, worker] = [await member(), await member()]
    await awayFor(traveller, 5)
    const claims = []
    for (const who of [traveller, worker]) {
      const bounty = await postBounty(poster)
      await ClaimBounty.handle(who, bounty)
      claims.push(await BountyClaim.query().where('bounty_id', bounty.id).firstOrFail())
    }
    await db
      .from('bounty_claims')
      .whereIn(
        'id',
        claims.map((claim) => claim.id)
      )
      .update({ last_activity_at: new Date(Date.now() - 60 * 86_400_000) })

    const result = await SweepStaleClaims.handle()

    assert.deepEqual(result, { nudged: 1, expired: 0 })
    await claims[0].refresh()
    await claims[1].refresh()
    assert.isNull(claims[0].nudgedAt)
    assert.isNotNull(claims[1].nudgedAt)
  })

  test('members who are away get no check-in reminder', async ({ assert }) => {
    const [traveller, stayer] = [await member(), await member()]
    await teamOf([traveller, stayer])
    await AwayPeriod.create({
      userId: traveller.id,
      startsAt: DateTime.fromISO('2026-03-18T00:00:00Z'),
      endsAt: DateTime.fromISO('2026-03-25T00:00:00Z'),
    })

    await RemindCheckIns.handle({ now: DateTime.fromISO('2026-03-20T10:30:00Z') })

    const told = await db.from('notifications').where('type', 'checkin.reminder').select('user_id')
    assert.deepEqual(
      told.map((row) => row.user_id),
      [stayer.id]
    )
  })
})
