import { test } from '@japa/runner'
import env from '#start/env'
import limiter from '@adonisjs/limiter/services/main'
import router from '@adonisjs/core/services/router'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { ApiClient } from '@japa/api-client'
import '#tests/helpers/openapi'
import BountyComment from '#models/bounty_comment'
import type User from '#models/user'
import { MEMBER_BUDGETS, type MemberBudgetName } from '#start/limiter'
import { bearerFor } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { fieldErrors, submit } from '#tests/helpers/bounty_pages'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { countRows } from '#tests/helpers/accounts'

/**
 * Uses up a member's budget, leaving `left` requests, the way requests
 * would: the counter the throttle keeps in the shared store.
 */
async function spend(user: User, name: MemberBudgetName, left = 0) {
  const budget = MEMBER_BUDGETS[name]
  await limiter
    .use({ requests: budget.requests, duration: budget.every })
    .set(`member_${name}_${user.id}`, budget.requests - left, budget.every)
}

function refusal(name: MemberBudgetName) {
  const budget = MEMBER_BUDGETS[name]
  return `You can make at most ${budget.requests} ${budget.what} ${budget.per}.`
}

/**
 * A named route requested the way its side is used: a page form by a
 * signed-in member, an API call with the member's token.
 */
async function request(client: ApiClient, user: User, name: string, params: { id: string }) {
  const route = router.findOrFail(name)
  const method = route.methods[0].toLowerCase() as 'post' | 'put' | 'delete'
  const url = route.pattern.replace(':id', params.id)
  if (name.startsWith('api.')) {
    return client[method](url)
      .header('authorization', await bearerFor(user))
      .json({})
  }
  return submit(client, user, method, url)
}

test.group('Per-member budgets', (group) => {
  isolateDatabase(group)

  test('comments: the page and the API share one budget of 10 a minute per member', async ({
    client,
    assert,
  }) => {
    const author = await member()
    const bounty = await postBounty(await funded('100.00'))
    const authorization = await bearerFor(author)
    const onPage = (content: string) =>
      submit(client, author, 'post', urlFor('bounty_comments.store', { id: bounty.id }), {
        form: { content },
      })
    const overApi = (content: string) =>
      client
        .post(`/api/v1/bounties/${bounty.id}/comments`)
        .header('authorization', authorization)
        .json({ content })

    for (let index = 1; index <= 5; index++) {
      const fromPage = await onPage(`page ${index}`)
      fromPage.assertFlashMessage('success', 'Comment added.')
      const fromApi = await overApi(`api ${index}`)
      fromApi.assertStatus(201)
    }
    assert.equal(await countRows('bounty_comments'), 10)

    const page = await onPage('one too many')
    page.assertStatus(302)
    assert.match(
      String(page.flashMessage('error')),
      /^You can make at most 10 comments a minute\. Please wait \d+ seconds and try again\.$/
    )
    page.assertFlashMessage('content', 'one too many')
    const api = await overApi('one too many')
    api.assertStatus(429)
    assert.equal(api.body().error.code, 'RATE_LIMITED')
    assert.match(api.body().error.message, /^You can make at most 10 comments a minute\./)
    assert.isAbove(Number(api.header('retry-after')), 0)
    assert.equal(await countRows('bounty_comments'), 10)

    const someoneElse = await member()
    const other = await submit(
      client,
      someoneElse,
      'post',
      urlFor('bounty_comments.store', { id: bounty.id }),
      { form: { content: 'My own budget' } }
    )
    other.assertFlashMessage('success', 'Comment added.')
    assert.lengthOf(await BountyComment.query().where('user_id', someoneElse.id), 1)
  })

  for (const [name, budget] of Object.entries(MEMBER_BUDGETS)) {
    if (!('routes' in budget)) continue
    test(`${name}: ${budget.routes.join(', ')} answer to the ${name} budget`, async ({
      client,
      assert,
    }) => {
      const user = await funded('100.00')
      const bounty = await postBounty(user)
      await spend(user, name as MemberBudgetName)
      for (const route of budget.routes) {
        const refused = await request(client, user, route, bounty)
        if (route.startsWith('api.')) {
          refused.assertStatus(429)
          assert.equal(refused.body().error.code, 'RATE_LIMITED', route)
          assert.include(refused.body().error.message, refusal(name as MemberBudgetName), route)
        } else {
          refused.assertStatus(302)
          assert.include(String(refused.flashMessage('error')), refusal(name as MemberBudgetName))
          assert.isAbove(Number(refused.header('retry-after')), 0, route)
        }
      }
    })
  }

  test('a write refused by validation or a rule gives its place back', async ({
    client,
    assert,
  }) => {
    const author = await member()
    const bounty = await postBounty(await funded('100.00'))
    await spend(author, 'comments', 1)
    const comment = (content: string) =>
      submit(client, author, 'post', urlFor('bounty_comments.store', { id: bounty.id }), {
        form: { content },
      })

    for (let attempt = 1; attempt <= 3; attempt++) {
      const blank = await comment('   ')
      assert.deepEqual(Object.keys(fieldErrors(blank)), ['content'])
    }
    const last = await comment('The last one this minute')
    last.assertFlashMessage('success', 'Comment added.')
    const refused = await comment('One too many')
    assert.include(String(refused.flashMessage('error')), refusal('comments'))
    assert.equal(await countRows('bounty_comments'), 1)
  })

  test('other writes spend the general budget, and reads spend none of it', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const authorization = await bearerFor(user)
    await spend(user, 'writes')

    const page = await submit(client, user, 'put', urlFor('profile.update'), {
      form: { firstName: 'Tanjiro' },
    })
    assert.include(String(page.flashMessage('error')), refusal('writes'))
    const api = await client
      .put('/api/v1/users/profile')
      .header('authorization', authorization)
      .json({ firstName: 'Tanjiro' })
    api.assertStatus(429)
    assert.include(api.body().error.message, refusal('writes'))
    await user.refresh()
    assert.notEqual(user.firstName, 'Tanjiro')

    const reads = await client.get('/api/v1/users/profile').header('authorization', authorization)
    reads.assertStatus(200)
    const pageRead = await client.get(urlFor('profile.edit')).loginAs(user)
    pageRead.assertStatus(200)
  })

  test('one token used from many addresses meets the per-member API ceiling', async ({
    client,
    assert,
  }) => {
    const user = await member()
    const authorization = await bearerFor(user)
    await spend(user, 'api', 2)
    const from = (address: string, token = authorization) =>
      client
        .get('/api/v1/users/profile')
        .header('authorization', token)
        .header('x-forwarded-for', address)

    const first = await from('198.51.100.1')
    first.assertStatus(200)
    const second = await from('198.51.100.2')
    second.assertStatus(200)
    const third = await from('198.51.100.3')
    third.assertStatus(429)
    assert.include(third.body().error.message, refusal('api'))
    const anotherToken = await from('198.51.100.4', await bearerFor(user))
    anotherToken.assertStatus(429)

    const someoneElse = await from('198.51.100.3', await bearerFor(await member()))
    someoneElse.assertStatus(200)
  })

  test('MEMBER_LIMITS=off (benchmarks) lifts the budgets, not the per-address throttles', async ({
    client,
    cleanup,
  }) => {
    const user = await member()
    const authorization = await bearerFor(user)
    await spend(user, 'api')
    env.set('MEMBER_LIMITS', 'off')
    cleanup(() => env.set('MEMBER_LIMITS', 'on'))

    const response = await client
      .get('/api/v1/users/profile')
      .header('authorization', authorization)
    response.assertStatus(200)
  })
})

test.group('Per-member budgets under parallel requests', (group) => {
  truncateEachTest(group)
  group.each.setup(() => limiter.clear())

  test('40 parallel tips from one member: exactly the 30 of the budget are sent', async ({
    client,
    assert,
  }) => {
    const sender = await funded('100.00')
    const receiver = await member()
    const authorization = await bearerFor(sender)

    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        client
          .post('/api/v1/tips')
          .header('authorization', authorization)
          .header('x-forwarded-for', `203.0.113.${index + 1}`)
          .json({ toUserId: receiver.id, amount: '1.00' })
      )
    )

    const statuses = responses.map((response) => response.status())
    assert.equal(statuses.filter((status) => status === 429).length, 10)
    assert.equal(statuses.filter((status) => status < 300).length, 30)
    assert.deepEqual(await balancesOf(receiver), { balance: '30.00', held: '0.00' })
  })
})
