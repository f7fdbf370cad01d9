import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Money from '#ledger/money'
import Order from '#models/order'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { ProductFactory, ShopCategoryFactory } from '#database/factories/shop_factory'
import { funded, member } from '#tests/helpers/bounties'
import { followingLive, overflowsSideways, signedIn } from '#tests/helpers/browser'
import { liveChannels } from '#services/live_channels'
import { assertAccessible } from '#tests/helpers/axe'

const PHONE = { width: 390, height: 844 }

test.group('Shop in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('buy an item: the wallet pays, and the order page follows a Leader’s confirmation live', async ({
    browser,
    assert,
  }) => {
    const buyer = await funded('100.00')
    const category = await ShopCategoryFactory.merge({ name: 'Desk' }).create()
    await ProductFactory.merge({
      name: 'Crow feather pen',
      description: 'Writes **very** neatly.',
      price: Money.parse('25.00'),
      stock: 2,
      categoryId: category.id,
    }).create()
    const page = await signedIn(browser, buyer)

    await page.getByRole('link', { name: 'Shop', exact: true }).click()
    await page.assertTextContains('h1', 'Shop')
    await assertAccessible(page, assert)
    await page.getByRole('link', { name: 'Crow feather pen' }).click()
    await page.assertTextContains('.product-card__meta', '2 left')
    await assertAccessible(page, assert)
    await page.getByRole('button', { name: 'Add to cart' }).click()

    await page.assertTextContains('[data-cart-total]', '25.00')
    await assertAccessible(page, assert)
    await page.getByRole('link', { name: 'Check out' }).click()
    await assertAccessible(page, assert)
    await followingLive(page, [liveChannels.orders(buyer.id)], () =>
      page.getByRole('button', { name: 'Pay 25.00' }).click()
    )

    await page.assertTextContains('h1', 'Order #')
    await page.assertTextContains('[data-order-status]', 'Placed')
    await page.assertTextContains('.nav-balance', '75.00')
    await assertAccessible(page, assert)

    const order = await Order.query().where('user_id', buyer.id).firstOrFail()
    await ChangeOrderStatus.handle(await member('admin'), order.id, 'CONFIRMED')
    await page.locator('[data-order-status]', { hasText: 'Confirmed' }).waitFor()

    await page.goto('/wallet')
    await page.assertTextContains('main', 'Shop order #')

    const phone = await signedIn(browser, buyer, PHONE)
    for (const path of ['/shop', '/cart', '/orders', `/orders/${order.id}`]) {
      await phone.goto(path)
      assert.isFalse(await overflowsSideways(phone), `${path} scrolls sideways on a phone`)
    }
    await assertAccessible(phone, assert)
  })
})
