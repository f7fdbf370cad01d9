import { test } from '@japa/runner'
import { mkdir } from 'node:fs/promises'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import Order from '#models/order'
import Product from '#models/product'
import { UserFactory } from '#database/factories/user_factory'
import { overflowsSideways, signedIn } from '#tests/helpers/browser'
import { assertAccessible } from '#tests/helpers/axe'
import { paidOrder, product, shopCategory } from '#tests/helpers/shop_admin'
import type { Page } from 'playwright'
import type { Assert } from '@japa/assert'

const PHONE = { width: 390, height: 844 }

/**
 * The page fits a phone and a desktop and passes axe at both; with
 * SHOP_SCREENSHOTS=<folder> each width is saved there to be looked at.
 */
async function checkBothWidths(page: Page, assert: Assert, name: string) {
  for (const width of [1280, PHONE.width]) {
    await page.setViewportSize({ width, height: 900 })
    assert.isFalse(await overflowsSideways(page), `${name} scrolls sideways at ${width} px`)
    if (process.env.SHOP_SCREENSHOTS) {
      await mkdir(process.env.SHOP_SCREENSHOTS, { recursive: true })
      await page.screenshot({
        path: `${process.env.SHOP_SCREENSHOTS}/${name}_${width}.png`,
        fullPage: true,
      })
    }
    await assertAccessible(page, assert)
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test.group('Admin shop in the browser', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    drive.fake('fs')
    return () => drive.restore('fs')
  })

  test('a Leader adds a product with a picture, edits it, and confirms an order in bulk', async ({
    browser,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const buyer = await UserFactory.apply('verified').create()
    await shopCategory('Clothes')
    const page = await signedIn(browser, admin, { width: 1280, height: 900 })

    await page.goto('/admin/shop/products')
    await page.assertTextContains('main', 'The shop is empty')
    await checkBothWidths(page, assert, 'products_empty')

    await page.getByRole('link', { name: 'New product' }).click()
    await page.getByLabel('Name').fill('Corps hoodie with a rather long name that wraps on a phone')
    await page.getByLabel('Description').fill('Warm, **black**, embroidered.')
    await page.getByLabel('Price').fill('45.50')
    await page.getByLabel('How many are in stock').fill('12')
    await page.getByLabel('Low-stock alert at').fill('3')
    await page.getByLabel('Category').selectOption({ label: 'Clothes' })
    await page.getByLabel('Picture').setInputFiles({
      name: 'hoodie.png',
      mimeType: 'image/png',
      buffer: await sharp({
        create: { width: 1600, height: 1200, channels: 3, background: '#7c3aed' },
      })
        .png()
        .toBuffer(),
    })
    await checkBothWidths(page, assert, 'product_new')
    await page.getByRole('button', { name: 'Create product' }).click()

    await page.assertTextContains('main', 'is in the catalogue')
    const created = await Product.findByOrFail('price', '45.50')
    assert.match(created.imagePath!, /\.webp$/)
    await product({ name: 'Sticker pack', stock: 2, lowStockThreshold: 5 })
    await product({ name: 'Hidden mug', active: false })
    await page.reload()
    await checkBothWidths(page, assert, 'products_list')

    await page.getByRole('link', { name: /Corps hoodie/ }).click()
    await page.getByLabel('Price').fill('39.00')
    await checkBothWidths(page, assert, 'product_edit')
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.assertTextContains('main', 'saved')
    await created.refresh()
    assert.equal(created.price.toString(), '39.00')

    await page.goto('/admin/shop/categories')
    await checkBothWidths(page, assert, 'categories')

    const placed = await paidOrder(buyer, created, 2)
    await paidOrder(buyer, await product({ name: 'Poster' }), 1, 'DELIVERED')
    await page.goto('/admin/shop/orders')
    await checkBothWidths(page, assert, 'orders')
    await page.getByLabel(`Select order ${placed.id.slice(0, 8)}`).check()
    await page.getByLabel('Mark the selected orders').selectOption('CONFIRMED')
    await page.getByRole('button', { name: 'Apply to selected' }).click()
    await page.assertTextContains('main', '1 marked confirmed')
    const confirmed = await Order.findOrFail(placed.id)
    assert.equal(confirmed.status, 'CONFIRMED')
  }).timeout(120_000)
})
