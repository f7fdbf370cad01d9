import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { teamWith } from '#tests/helpers/teams'

const PHONE = { width: 390, height: 844 }

test.group('Invitations in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin invites by username, the invitee accepts from My invitations on a phone', async ({
    browser,
    assert,
  }) => {
    const [admin, invitee] = await UserFactory.apply('verified').createMany(2)
    const team = await teamWith([[admin, 'ADMIN']], { name: 'Wind Breathing' })
    const page = await signedIn(browser, admin, { width: 1280, height: 900 })

    await page.goto(`/teams/${team.id}`)
    await page.getByLabel('Invite by username').fill(invitee.username)
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.assertTextContains('.alert--success', `@${invitee.username} is invited`)
    await assertAccessible(page, assert)
    await page.getByRole('link', { name: 'Pending invitations' }).click()
    await page.assertTextContains('.team-members', invitee.username)
    await assertAccessible(page, assert)

    const phone = await signedIn(browser, invitee, PHONE)
    await phone.goto('/invitations')
    await phone.assertTextContains('.team-list', 'Wind Breathing')
    assert.isFalse(await overflowsSideways(phone))
    await assertAccessible(phone, assert)
    await phone.getByRole('button', { name: 'Accept the invitation to Wind Breathing' }).click()
    await phone.assertTextContains('h1', 'Wind Breathing')
    await phone.assertTextContains('.team-head__meta', 'You are Member')
    assert.isFalse(await overflowsSideways(phone))

    await page.goto(`/teams/${team.id}/invitations`)
    await page.assertTextContains('.empty-state', 'No invitations are waiting')
    const adminPhone = await signedIn(browser, admin, PHONE)
    await adminPhone.goto(`/teams/${team.id}`)
    assert.isFalse(await overflowsSideways(adminPhone))
  })
})
