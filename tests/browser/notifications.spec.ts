import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { UserFactory } from '#database/factories/user_factory'
import { fund } from '#tests/helpers/ledger'
import { openLive, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { AUTOMATIC_BADGES } from '#gamification/badges'
import { holdsBadge } from '#tests/helpers/badges'

test.group('Live notifications in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a tip updates the recipient’s bell and shows a toast, without a reload', async ({
    browser,
    assert,
  }) => {
    const [recipient, sender] = await UserFactory.apply('verified').createMany(2)
    await fund(sender, '20.00')
    await holdsBadge(sender, AUTOMATIC_BADGES.firstTip)
    const recipientPage = await signedIn(browser, recipient)
    const senderPage = await signedIn(browser, sender)

    await openLive(recipientPage, '/notifications')
    const bell = recipientPage.locator('[data-live-bell]')
    assert.isTrue(await bell.locator('[data-live-count]').isHidden())
    await recipientPage.evaluate('window.stillTheSamePage = true')

    await senderPage.goto('/tips/new')
    await senderPage.getByLabel('Member').fill(recipient.username)
    await senderPage.getByLabel('Amount').fill('2.50')
    await senderPage.getByLabel('Message').fill('Thanks for the review')
    await senderPage.getByRole('button', { name: 'Send tip' }).click()

    await recipientPage.assertTextContains('[data-live-count]', '1')
    await recipientPage.assertTextContains('[data-live-label]', 'Notifications, 1 unread')
    await recipientPage.assertTextContains('.toast', `@${sender.username} tipped you 2.50`)
    await recipientPage.assertTextContains('.toast', 'Thanks for the review')
    await recipientPage.assertTextContains(
      '[data-live-notice="notifications"]',
      '1 new notification'
    )
    assert.isTrue(await recipientPage.evaluate('window.stillTheSamePage === true'))
    await assertAccessible(recipientPage, assert)

    assert.isTrue(await senderPage.locator('[data-live-count]').isHidden())
  })

  test('marking all read in one tab clears the bell in another', async ({ browser }) => {
    const [member, tipper] = await UserFactory.apply('verified').createMany(2)
    await fund(tipper, '10.00')
    const first = await signedIn(browser, member)
    const second = await first.context().newPage()
    const tipperPage = await signedIn(browser, tipper)
    await openLive(second, '/wallet')

    await tipperPage.goto('/tips/new')
    await tipperPage.getByLabel('Member').fill(member.username)
    await tipperPage.getByLabel('Amount').fill('1.00')
    await tipperPage.getByRole('button', { name: 'Send tip' }).click()
    await second.assertTextContains('[data-live-count]', '1')

    await first.goto('/notifications')
    await first.getByRole('button', { name: 'Mark all as read' }).click()
    await first.assertTextContains('.alert--success', 'All notifications marked as read.')

    await second.locator('[data-live-count]').waitFor({ state: 'hidden' })
    await second.assertTextContains('[data-live-label]', 'Notifications, 0 unread')
  })
})
