import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import Ledger, { accounts } from '#ledger/ledger'
import CartItem from '#models/cart_item'
import Order from '#models/order'
import Product from '#models/product'
import type User from '#models/user'
import Cart from '#actions/shop/cart'
import Checkout from '#actions/shop/checkout'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { ProductFactory } from '#database/factories/shop_factory'
import { bearerFor } from '#tests/functional/api/support'
import { assertLedgerClean, funded, member } from '#tests/helpers/bounties'
import { balancesOf, truncateEachTest } from '#tests/helpers/ledger'
import { withoutMemberBudgets } from '#tests/helpers/limits'

/*
 * Checkout and cancellation commit for real (no global test transaction):
 * races need concurrent transactions, and the ledger's balance checks run
 * at commit.
 */

async function stockOf(product: Product) {
  const fresh = await Product.findOrFail(product.id)
  return fresh.stock
}

async function shopBalance() {
  const { balance } = await Ledger.balances(accounts.shop)
  return balance.toString()
}

async function buyer(amount = '100.00') {
  const user = await funded(amount)
  return { user, authorization: await bearerFor(user) }
}

async function placeOrder(user: User, product: Product, quantity = 1) {
  await Cart.add(user, { productId: product.id, quantity })
  return Checkout.handle(user)
}

test.group('Shop checkout', (group) => {
  truncateEachTest(group)
  withoutMemberBudgets(group)

  test('pays the cart from the wallet, takes the stock, empties the cart', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.merge({ stock: 5 }).create()
    await Cart.add(user, { productId: product.id, quantity: 2 })

    const response = await client.post('/api/v1/orders').header('authorization', authorization)

    response.assertStatus(201)
    const order = response.body().data
    assert.equal(order.status, 'PLACED')
    assert.equal(order.total, '50.00')
    assert.deepEqual(order.items, [
      {
        product: { id: product.id, name: product.name },
        quantity: 2,
        unitPrice: '25.00',
        lineTotal: '50.00',
      },
    ])
    assert.equal(await stockOf(product), 3)
    assert.deepEqual(await balancesOf(user), { balance: '50.00', held: '0.00' })
    assert.equal(await shopBalance(), '50.00')
    assert.lengthOf(await CartItem.query().where('user_id', user.id), 0)
    const spend = await db
      .from('transactions')
      .where({ user_id: user.id, type: 'SPEND' })
      .firstOrFail()
    assert.equal(spend.metadata.orderId, order.id)
    assert.equal(spend.amount, '50.00')
    await assertLedgerClean(assert)
  })

  test('a checkout that takes the stock to the threshold alerts the Leaders once', async ({
    assert,
  }) => {
    const leader = await member('admin')
    const { user } = await buyer('100.00')
    const product = await ProductFactory.merge({ stock: 4, lowStockThreshold: 2 }).create()
    const alerts = () =>
      db.from('notifications').where({ user_id: leader.id, type: 'shop.low_stock' })

    await placeOrder(user, product, 1)
    assert.lengthOf(await alerts(), 0)
    await placeOrder(user, product, 1)
    assert.lengthOf(await alerts(), 1)
    await placeOrder(user, product, 1)

    assert.lengthOf(await alerts(), 1)
    assert.equal(await stockOf(product), 1)
  })

  test('the price paid is the product’s price at checkout, not when it went in the cart', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.create()
    await Cart.add(user, { productId: product.id })
    await Product.query().where('id', product.id).update({ price: '30.00' })

    const response = await client.post('/api/v1/orders').header('authorization', authorization)

    response.assertStatus(201)
    assert.equal(response.body().data.total, '30.00')
    assert.deepEqual(await balancesOf(user), { balance: '70.00', held: '0.00' })
  })

  test('409 OUT_OF_STOCK: nothing charged, no stock taken, the cart kept', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.merge({ stock: 3 }).create()
    await Cart.add(user, { productId: product.id, quantity: 3 })
    await Product.query().where('id', product.id).update({ stock: 2 })

    const response = await client.post('/api/v1/orders').header('authorization', authorization)

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'OUT_OF_STOCK')
    assert.equal(await stockOf(product), 2)
    assert.deepEqual(await balancesOf(user), { balance: '100.00', held: '0.00' })
    assert.lengthOf(await CartItem.query().where('user_id', user.id), 1)
    assert.lengthOf(await Order.all(), 0)
  })

  test('409 INSUFFICIENT_FUNDS: no stock taken, the cart kept', async ({ client, assert }) => {
    const { user, authorization } = await buyer('20.00')
    const product = await ProductFactory.merge({ stock: 4 }).create()
    await Cart.add(user, { productId: product.id })

    const response = await client.post('/api/v1/orders').header('authorization', authorization)

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INSUFFICIENT_FUNDS')
    assert.equal(await stockOf(product), 4)
    assert.deepEqual(await balancesOf(user), { balance: '20.00', held: '0.00' })
    assert.lengthOf(await CartItem.query().where('user_id', user.id), 1)
    assert.lengthOf(await Order.all(), 0)
  })

  test('an inactive product in the cart is refused with OUT_OF_STOCK, nothing charged', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.create()
    await Cart.add(user, { productId: product.id })
    await Product.query().where('id', product.id).update({ active: false })

    const response = await client.post('/api/v1/orders').header('authorization', authorization)

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'OUT_OF_STOCK')
    assert.deepEqual(await balancesOf(user), { balance: '100.00', held: '0.00' })
  })

  test('an empty cart is a 422 on cart', async ({ client, assert }) => {
    const { authorization } = await buyer('100.00')
    const response = await client.post('/api/v1/orders').header('authorization', authorization)
    response.assertStatus(422)
    assert.equal(response.body().error.details[0].field, 'cart')
  })

  test('the same Idempotency-Key twice buys once and answers the same order', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.create()
    await Cart.add(user, { productId: product.id })
    const send = () =>
      client
        .post('/api/v1/orders')
        .header('authorization', authorization)
        .header('idempotency-key', 'checkout-1')

    const first = await send()
    const second = await send()

    first.assertStatus(201)
    second.assertStatus(201)
    second.assertHeader('idempotent-replayed', 'true')
    assert.equal(second.body().data.id, first.body().data.id)
    assert.lengthOf(await Order.all(), 1)
    assert.deepEqual(await balancesOf(user), { balance: '75.00', held: '0.00' })
    await assertLedgerClean(assert)
  })

  test('an unverified member cannot check out (403), nothing charged', async ({
    client,
    assert,
  }) => {
    const user = await funded('100.00', 'unverified')
    const product = await ProductFactory.create()
    await Cart.add(user, { productId: product.id })

    const response = await client
      .post('/api/v1/orders')
      .header('authorization', await bearerFor(user))

    response.assertStatus(403)
    assert.deepEqual(await balancesOf(user), { balance: '100.00', held: '0.00' })
  })
})

test.group('Shop races', (group) => {
  truncateEachTest(group)
  withoutMemberBudgets(group)

  test('20 buyers for the last 5: exactly 5 orders, the rest OUT_OF_STOCK and not charged', async ({
    client,
    assert,
  }) => {
    const product = await ProductFactory.merge({ stock: 5 }).create()
    const buyers = await Promise.all(Array.from({ length: 20 }, () => buyer('100.00')))
    for (const { user } of buyers) await Cart.add(user, { productId: product.id })

    const responses = await Promise.all(
      buyers.map(({ authorization }) =>
        client.post('/api/v1/orders').header('authorization', authorization)
      )
    )

    const won = responses.filter((response) => response.status() === 201)
    const lost = responses.filter((response) => response.status() === 409)
    assert.lengthOf(won, 5)
    assert.lengthOf(lost, 15)
    for (const response of lost) assert.equal(response.body().error.code, 'OUT_OF_STOCK')
    assert.equal(await stockOf(product), 0)
    assert.lengthOf(await Order.all(), 5)
    assert.equal(await shopBalance(), '125.00')
    for (const { user } of buyers) {
      const ordered = await Order.query().where('user_id', user.id).first()
      const { balance } = await balancesOf(user)
      assert.equal(balance, ordered ? '75.00' : '100.00')
      assert.lengthOf(await CartItem.query().where('user_id', user.id), ordered ? 0 : 1)
    }
    await assertLedgerClean(assert)
  })

  test('10 cancels of one order at once: refunded and restocked once', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const product = await ProductFactory.merge({ stock: 4 }).create()
    const order = await placeOrder(user, product, 2)

    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.put(`/api/v1/orders/${order.id}/cancel`).header('authorization', authorization)
      )
    )

    assert.lengthOf(
      responses.filter((response) => response.status() === 200),
      1
    )
    for (const response of responses.filter((r) => r.status() !== 200)) {
      response.assertStatus(409)
      assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    }
    assert.equal(await stockOf(product), 4)
    assert.deepEqual(await balancesOf(user), { balance: '100.00', held: '0.00' })
    assert.equal(await shopBalance(), '0.00')
    const refunds = await db.from('transactions').where({ user_id: user.id, type: 'EARN' })
    assert.lengthOf(refunds, 1)
    const cancelled = await Order.findOrFail(order.id)
    assert.equal(cancelled.status, 'CANCELLED')
    await assertLedgerClean(assert)
  })

  test('a buyer’s cancel racing a Leader’s confirm: one of them wins, money and stock agree', async ({
    client,
    assert,
  }) => {
    const { user, authorization } = await buyer('100.00')
    const admin = await member('admin')
    const product = await ProductFactory.merge({ stock: 1 }).create()
    const order = await placeOrder(user, product)

    const [cancel] = await Promise.all([
      client.put(`/api/v1/orders/${order.id}/cancel`).header('authorization', authorization),
      ChangeOrderStatus.handle(admin, order.id, 'CONFIRMED').catch((error) => error),
    ])

    const final = await Order.findOrFail(order.id)
    if (cancel.status() === 200) {
      assert.equal(final.status, 'CANCELLED')
      assert.equal(await stockOf(product), 1)
      assert.deepEqual(await balancesOf(user), { balance: '100.00', held: '0.00' })
    } else {
      assert.equal(final.status, 'CONFIRMED')
      assert.equal(await stockOf(product), 0)
      assert.deepEqual(await balancesOf(user), { balance: '75.00', held: '0.00' })
    }
    await assertLedgerClean(assert)
  })
})
