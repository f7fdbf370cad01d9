import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { UserFactory } from '#database/factories/user_factory'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'

const PHONE = { width: 390, height: 844 }

test.group('Teams in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('create a team, share its code, a teammate joins by the link; pages fit a phone', async ({
    browser,
    assert,
  }) => {
    const [founder, teammate] = await UserFactory.apply('verified').createMany(2)
    const page = await signedIn(browser, founder)

    await page.getByRole('link', { name: 'Teams', exact: true }).click()
    await page.assertTextContains('.empty-state', 'You are not in a team yet')
    await assertAccessible(page, assert)
    await page.getByRole('link', { name: 'Create a team' }).first().click()
    await page.getByLabel('Team name').fill('Flame Breathing')
    await page.getByLabel('Description').fill('Set your heart ablaze.')
    await page.getByLabel('Member limit').fill('6')
    await page.getByLabel('Timezone').selectOption('Asia/Tokyo')
    await assertAccessible(page, assert)
    await page.getByRole('button', { name: 'Create team' }).click()

    await page.assertTextContains('h1', 'Flame Breathing')
    await page.assertTextContains('.team-head__meta', 'You are Admin')
    await assertAccessible(page, assert)
    const code = await page.getByRole('textbox', { name: 'Access code' }).inputValue()
    assert.match(code, /^[A-Z2-9]{8}$/)

    const phone = await signedIn(browser, teammate, PHONE)
    await phone.goto(`/teams/join?code=${code.toLowerCase()}`)
    await phone.getByRole('button', { name: 'Join team' }).click()
    await phone.assertTextContains('h1', 'Flame Breathing')
    await phone.assertTextContains('.team-head__meta', 'You are Member')
    assert.isFalse(await overflowsSideways(phone))
    await assertAccessible(phone, assert)

    await page.reload()
    await page.assertTextContains('.team-members', teammate.username)
    await page.getByRole('link', { name: 'Team settings' }).click()
    await assertAccessible(page, assert)
    await page.getByRole('button', { name: 'Replace the code' }).click()
    await page.assertTextContains('.alert--success', 'The old one no longer works')
    assert.notEqual(await page.getByRole('textbox', { name: 'Access code' }).inputValue(), code)

    await phone.goto('/teams')
    assert.isFalse(await overflowsSideways(phone))
    await assertAccessible(phone, assert)
  })
})
