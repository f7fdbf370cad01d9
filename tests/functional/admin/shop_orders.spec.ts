import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import Notification from '#models/notification'
import Order from '#models/order'
import Product from '#models/product'
import AlertLowStock from '#actions/shop/alert_low_stock'
import { isolateDatabase } from '#tests/helpers/database'
import { assertLedgerClean, member } from '#tests/helpers/bounties'
import { fieldErrors } from '#tests/helpers/bounty_pages'
import { balancesOf } from '#tests/helpers/ledger'
import { paidOrder, product } from '#tests/helpers/shop_admin'

async function statusOf(order: Order) {
  const fresh = await Order.findOrFail(order.id)
  return fresh.status
}

test.group('Admin shop: orders', (group) => {
  isolateDatabase(group)

  test('lists every member’s orders, filtered by status', async ({ client, assert }) => {
    const admin = await member('admin')
    const buyer = await member()
    const item = await product({ name: 'Sticker pack' })
    await paidOrder(buyer, item, 2)
    await paidOrder(buyer, await product({ name: 'Poster' }), 1, 'SHIPPED')

    const all = await client.get('/admin/shop/orders').loginAs(admin)
    const shipped = await client.get('/admin/shop/orders').qs({ status: 'SHIPPED' }).loginAs(admin)
    const nonsense = await client.get('/admin/shop/orders').qs({ status: 'LOST' }).loginAs(admin)

    all.assertStatus(200)
    all.assertTextIncludes('2 × Sticker pack')
    all.assertTextIncludes('1 × Poster')
    all.assertTextIncludes(`@${buyer.username}`)
    shipped.assertTextIncludes('1 × Poster')
    // The admin menu, the shop's tabs and the status filter each mark one place.
    assert.lengthOf(shipped.text().match(/aria-current="page"/g) ?? [], 3)
    assert.notInclude(shipped.text(), 'Sticker pack')
    nonsense.assertStatus(200)
    nonsense.assertTextIncludes('Sticker pack')
    nonsense.assertTextIncludes('Some filters are not valid and were left out')
  })

  test('a page number that is not a positive whole number is refused beside the list', async ({
    client,
  }) => {
    const admin = await member('admin')
    await paidOrder(await member(), await product({ name: 'Sticker pack' }), 1)

    const page = await client.get('/admin/shop/orders').qs({ page: '-3' }).loginAs(admin)

    page.assertStatus(200)
    page.assertTextIncludes('Some filters are not valid and were left out')
    page.assertTextIncludes('1 × Sticker pack')
  })

  test('the page shows an empty state without orders', async ({ client }) => {
    const page = await client.get('/admin/shop/orders').loginAs(await member('admin'))
    page.assertTextIncludes('No orders here.')
  })

  test('a bulk change moves each order it can and lists those it cannot, audited', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const buyer = await member()
    const item = await product()
    const first = await paidOrder(buyer, item)
    const second = await paidOrder(buyer, item)
    const delivered = await paidOrder(buyer, item, 1, 'DELIVERED')

    const response = await client
      .post('/admin/shop/order-status-changes')
      .loginAs(admin)
      .form({ 'orderIds[]': [first.id, second.id, delivered.id], 'status': 'CONFIRMED' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.equal(response.flashMessage('success'), '2 marked confirmed.')
    const refused = response.flashMessage('refusedOrders') as unknown as {
      orderId: string
      reference: string
      message: string
    }[]
    assert.deepEqual(
      refused.map((refusal) => refusal.orderId),
      [delivered.id]
    )
    assert.match(refused[0].message, /delivered order cannot become confirmed/)
    assert.equal(refused[0].reference, Order.reference(delivered.id))
    assert.equal(await statusOf(first), 'CONFIRMED')
    assert.equal(await statusOf(second), 'CONFIRMED')
    assert.equal(await statusOf(delivered), 'DELIVERED')
    const audits = await AuditLog.query().where('action', 'order.status_changed')
    assert.sameMembers(
      audits.map((entry) => entry.subjectId),
      [first.id, second.id]
    )
    assert.deepEqual(audits[0].data, {
      before: { status: 'PLACED' },
      after: { status: 'CONFIRMED' },
    })
  })

  test('cancelling in bulk refunds the buyer and restocks once; a shipped order is refused', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const buyer = await member()
    const item = await product({ stock: 10, price: '30.00' })
    const confirmed = await paidOrder(buyer, item, 2, 'CONFIRMED')
    const shipped = await paidOrder(buyer, item, 1, 'SHIPPED')
    const before = await balancesOf(buyer)

    const cancel = () =>
      client
        .post('/admin/shop/order-status-changes')
        .loginAs(admin)
        .form({ 'orderIds[]': [confirmed.id, shipped.id], 'status': 'CANCELLED' })
        .withCsrfToken()
        .redirects(0)
    const response = await cancel()
    await cancel()

    assert.equal(response.flashMessage('success'), '1 marked cancelled.')
    assert.equal(await statusOf(confirmed), 'CANCELLED')
    assert.equal(await statusOf(shipped), 'SHIPPED')
    const after = await balancesOf(buyer)
    assert.equal(Number(after.balance) - Number(before.balance), 60)
    const restocked = await Product.findOrFail(item.id)
    assert.equal(restocked.stock, 9)
    const cancellations = await AuditLog.query().where('action', 'order.cancelled')
    assert.lengthOf(cancellations, 1)
    await assertLedgerClean(assert)
  })

  test('a bulk change with nothing ticked is a form error that changes nothing', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const order = await paidOrder(await member(), await product())

    const response = await client
      .post('/admin/shop/order-status-changes')
      .loginAs(admin)
      .form({ status: 'CONFIRMED' })
      .withCsrfToken()
      .redirects(0)

    assert.deepEqual(fieldErrors(response), { orderIds: ['Tick at least one order (at most 100)'] })
    assert.equal(await statusOf(order), 'PLACED')
  })
})

test.group('Admin shop: low-stock alert', (group) => {
  isolateDatabase(group)

  async function checkout(item: Product, quantity: number) {
    return db.transaction(async (trx) => {
      await trx.from('products').where('id', item.id).decrement('stock', quantity)
      return AlertLowStock.handle([{ productId: item.id, quantity }], trx)
    })
  }

  test('tells every active Leader, and nobody else, when a purchase crosses the threshold', async ({
    assert,
  }) => {
    const leader = await member('admin')
    const otherLeader = await member('admin')
    const pillar = await member('pillar')
    const buyer = await member()
    const item = await product({ name: 'Cap', stock: 5, lowStockThreshold: 3 })

    const crossed = await checkout(item, 2)

    assert.deepEqual(
      crossed.map((p) => p.id),
      [item.id]
    )
    const notices = await Notification.query().where('type', 'shop.low_stock')
    assert.sameMembers(
      notices.map((notice) => notice.userId),
      [leader.id, otherLeader.id]
    )
    assert.notInclude(
      notices.map((notice) => notice.userId),
      pillar.id
    )
    assert.notInclude(
      notices.map((notice) => notice.userId),
      buyer.id
    )
    assert.equal(notices[0].title, 'Cap is running low')
    assert.equal(notices[0].url, `/admin/shop/products/${item.id}/edit`)
  })

  test('alerts once: not for purchases already below the threshold, nor without one', async ({
    assert,
  }) => {
    await member('admin')
    const item = await product({ stock: 5, lowStockThreshold: 3 })
    const noThreshold = await product({ stock: 2 })
    const unlimited = await product({ stock: null, lowStockThreshold: 3 })

    await checkout(item, 1)
    await checkout(item, 1)
    await checkout(item, 1)
    await checkout(noThreshold, 1)
    await db.transaction((trx) =>
      AlertLowStock.handle([{ productId: unlimited.id, quantity: 4 }], trx)
    )

    const notices = await Notification.query().where('type', 'shop.low_stock')
    assert.lengthOf(notices, 1)
    assert.equal(notices[0].data.stock, 3)
  })

  test('a checkout that rolls back alerts nobody', async ({ assert }) => {
    await member('admin')
    const item = await product({ stock: 4, lowStockThreshold: 3 })

    await db
      .transaction(async (trx) => {
        await trx.from('products').where('id', item.id).decrement('stock', 2)
        await AlertLowStock.handle([{ productId: item.id, quantity: 2 }], trx)
        throw new Error('payment failed')
      })
      .catch(() => null)

    assert.lengthOf(await Notification.query().where('type', 'shop.low_stock'), 0)
  })
})
