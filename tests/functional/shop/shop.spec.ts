import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import db from '@adonisjs/lucid/services/db'
import Money from '#ledger/money'
import CartItem from '#models/cart_item'
import Notification from '#models/notification'
import type User from '#models/user'
import Cart from '#actions/shop/cart'
import Checkout from '#actions/shop/checkout'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import { ProductFactory, ShopCategoryFactory } from '#database/factories/shop_factory'
import { bearerFor } from '#tests/functional/api/support'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member } from '#tests/helpers/bounties'
import { htmlOf, statusOf, submit } from '#tests/helpers/bounty_pages'
import { liveChannels } from '#services/broadcast'
import { Credentials, EventStream } from '#tests/helpers/live'

async function orderOf(user: User, quantity = 1) {
  const product = await ProductFactory.create()
  await Cart.add(user, { productId: product.id, quantity })
  return Checkout.handle(user)
}

function idsOf(response: { body(): any }) {
  return response.body().data.map((product: { id: string }) => product.id)
}

test.group('Shop API: what members see', (group) => {
  isolateDatabase(group)

  test('members list active products only; Leaders see inactive and archived ones too', async ({
    client,
    assert,
  }) => {
    const active = await ProductFactory.create()
    const inactive = await ProductFactory.apply('inactive').create()
    const archived = await ProductFactory.apply('archived').create()
    const [slayer, leader] = await Promise.all([member(), member('admin')])

    const asMember = await client
      .get('/api/v1/shop/products')
      .header('authorization', await bearerFor(slayer))
    const asLeader = await client
      .get('/api/v1/shop/products')
      .header('authorization', await bearerFor(leader))

    asMember.assertStatus(200)
    assert.deepEqual(idsOf(asMember), [active.id])
    assert.sameMembers(idsOf(asLeader), [active.id, inactive.id, archived.id])
  })

  test('an inactive product is a 404 for a member, by id and in the cart', async ({
    client,
    assert,
  }) => {
    const inactive = await ProductFactory.apply('inactive').create()
    const slayer = await member()
    const authorization = await bearerFor(slayer)

    const shown = await client
      .get(`/api/v1/shop/products/${inactive.id}`)
      .header('authorization', authorization)
    const added = await client
      .post('/api/v1/cart/items')
      .header('authorization', authorization)
      .json({ productId: inactive.id })

    shown.assertStatus(404)
    added.assertStatus(422)
    assert.equal(added.body().error.details[0].field, 'productId')
    assert.lengthOf(await CartItem.all(), 0)
  })

  test('filters by category and words, and sorts by price', async ({ client, assert }) => {
    const category = await ShopCategoryFactory.create()
    const cheap = await ProductFactory.merge({
      name: 'Tea mug',
      price: Money.parse('5'),
      categoryId: category.id,
    }).create()
    const dear = await ProductFactory.merge({ name: 'Tea set', categoryId: category.id }).create()
    await ProductFactory.merge({ name: 'Hoodie' }).create()
    const authorization = await bearerFor(await member())

    const byCategory = await client
      .get('/api/v1/shop/products')
      .qs({ category: category.id, sort: 'price_desc' })
      .header('authorization', authorization)
    const byWords = await client
      .get('/api/v1/shop/products')
      .qs({ q: 'mug' })
      .header('authorization', authorization)

    assert.deepEqual(idsOf(byCategory), [dear.id, cheap.id])
    assert.deepEqual(idsOf(byWords), [cheap.id])
  })

  test('422 for an unknown sort', async ({ client }) => {
    const response = await client
      .get('/api/v1/shop/products')
      .qs({ sort: 'cheapest' })
      .header('authorization', await bearerFor(await member()))
    response.assertStatus(422)
  })
})

test.group('Shop API: the cart', (group) => {
  isolateDatabase(group)

  test('adding a product twice adds the quantities; the cart totals at current prices', async ({
    client,
    assert,
  }) => {
    const product = await ProductFactory.create()
    const authorization = await bearerFor(await member())
    const add = () =>
      client
        .post('/api/v1/cart/items')
        .header('authorization', authorization)
        .json({ productId: product.id, quantity: 2 })

    const first = await add()
    first.assertStatus(201)
    const second = await add()
    const cart = await client.get('/api/v1/cart').header('authorization', authorization)

    assert.equal(second.body().data.quantity, 4)
    assert.equal(cart.body().data.total, '100.00')
    assert.lengthOf(cart.body().data.items, 1)
  })

  test('a sold-out product is refused with 409 OUT_OF_STOCK', async ({ client, assert }) => {
    const product = await ProductFactory.apply('soldOut').create()
    const response = await client
      .post('/api/v1/cart/items')
      .header('authorization', await bearerFor(await member()))
      .json({ productId: product.id })
    response.assertStatus(409)
    assert.equal(response.body().error.code, 'OUT_OF_STOCK')
  })

  test('422 for a quantity of {quantity}')
    .with([{ quantity: 0 }, { quantity: 100 }, { quantity: 1.5 }, { quantity: 'two' }])
    .run(async ({ client, assert }, { quantity }) => {
      const product = await ProductFactory.create()
      const response = await client
        .post('/api/v1/cart/items')
        .header('authorization', await bearerFor(await member()))
        .json({ productId: product.id, quantity })
      response.assertStatus(422)
      assert.equal(response.body().error.details[0].field, 'quantity')
      assert.lengthOf(await CartItem.all(), 0)
    })

  test('someone else’s cart line is a 404 to change or remove, and stays as it was', async ({
    client,
    assert,
  }) => {
    const [owner, other] = await Promise.all([member(), member()])
    const product = await ProductFactory.create()
    const item = await Cart.add(owner, { productId: product.id, quantity: 2 })
    const authorization = await bearerFor(other)

    const changed = await client
      .put(`/api/v1/cart/items/${item.id}`)
      .header('authorization', authorization)
      .json({ quantity: 5 })
    const removed = await client
      .delete(`/api/v1/cart/items/${item.id}`)
      .header('authorization', authorization)

    changed.assertStatus(404)
    removed.assertStatus(404)
    const kept = await CartItem.findOrFail(item.id)
    assert.equal(kept.quantity, 2)
  })

  test('a guest gets 401', async ({ client }) => {
    const response = await client.get('/api/v1/cart')
    response.assertStatus(401)
  })
})

test.group('Shop API: orders', (group) => {
  isolateDatabase(group)

  test('the buyer lists and reads their orders; another member gets 404', async ({
    client,
    assert,
  }) => {
    const buyer = await funded('100.00')
    const order = await orderOf(buyer)
    const other = await member()

    const list = await client.get('/api/v1/orders').header('authorization', await bearerFor(buyer))
    const own = await client
      .get(`/api/v1/orders/${order.id}`)
      .header('authorization', await bearerFor(buyer))
    const theirs = await client
      .get(`/api/v1/orders/${order.id}`)
      .header('authorization', await bearerFor(other))
    const otherList = await client
      .get('/api/v1/orders')
      .header('authorization', await bearerFor(other))

    assert.deepEqual(
      list.body().data.map((row: { id: string }) => row.id),
      [order.id]
    )
    own.assertStatus(200)
    theirs.assertStatus(404)
    assert.lengthOf(otherList.body().data, 0)
  })

  test('another member cannot cancel an order (404), and it stays PLACED', async ({
    client,
    assert,
  }) => {
    const buyer = await funded('100.00')
    const order = await orderOf(buyer)
    const response = await client
      .put(`/api/v1/orders/${order.id}/cancel`)
      .header('authorization', await bearerFor(await member()))
    response.assertStatus(404)
    const row = await db.from('orders').where('id', order.id).firstOrFail()
    assert.equal(row.status, 'PLACED')
  })

  test('the buyer cannot cancel once a Leader confirmed it (409 INVALID_TRANSITION)', async ({
    client,
    assert,
  }) => {
    const buyer = await funded('100.00')
    const order = await orderOf(buyer)
    await ChangeOrderStatus.handle(await member('admin'), order.id, 'CONFIRMED')

    const response = await client
      .put(`/api/v1/orders/${order.id}/cancel`)
      .header('authorization', await bearerFor(buyer))

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
  })

  test('a Leader moves an order one step at a time and cancels it before it ships', async ({
    assert,
  }) => {
    const buyer = await funded('100.00')
    const leader = await member('admin')
    const order = await orderOf(buyer)

    await assert.rejects(() => ChangeOrderStatus.handle(leader, order.id, 'SHIPPED'))
    await ChangeOrderStatus.handle(leader, order.id, 'CONFIRMED')
    const cancelled = await ChangeOrderStatus.handle(leader, order.id, 'CANCELLED')
    assert.equal(cancelled.status, 'CANCELLED')
    assert.equal(cancelled.cancelledBy, leader.id)

    const shipped = await orderOf(buyer)
    await ChangeOrderStatus.handle(leader, shipped.id, 'CONFIRMED')
    await ChangeOrderStatus.handle(leader, shipped.id, 'SHIPPED')
    await assert.rejects(() => ChangeOrderStatus.handle(leader, shipped.id, 'CANCELLED'))
    const events = await db.from('order_events').where('order_id', shipped.id).orderBy('created_at')
    assert.deepEqual(
      events.map((event) => event.status),
      ['PLACED', 'CONFIRMED', 'SHIPPED']
    )
  })

  test('each change notifies the buyer, unless they turned order notifications off', async ({
    assert,
  }) => {
    const buyer = await funded('100.00')
    const leader = await member('admin')
    const order = await orderOf(buyer)

    await ChangeOrderStatus.handle(leader, order.id, 'CONFIRMED')
    await db
      .table('notification_preferences')
      .insert({ user_id: buyer.id, type: 'order.updated', channel: 'off' })
    await ChangeOrderStatus.handle(leader, order.id, 'SHIPPED')

    const notifications = await Notification.query().where('user_id', buyer.id)
    assert.lengthOf(notifications, 1)
    assert.equal(notifications[0].type, 'order.updated')
    assert.equal(notifications[0].url, urlFor('orders.show', { id: order.id }))
  })
})

test.group('Shop live channel users/:id/orders', (group) => {
  isolateDatabase(group)

  test('the buyer’s open stream gets order.updated; another member may not follow it', async ({
    assert,
    cleanup,
  }) => {
    const buyer = await funded('100.00')
    const other = await member()
    const order = await orderOf(buyer)
    const mine = await EventStream.open(await Credentials.sessionFor(buyer))
    const theirs = await EventStream.open(await Credentials.sessionFor(other))
    cleanup(() => {
      mine.close()
      theirs.close()
    })
    const channel = liveChannels.orders(buyer.id)

    assert.equal(await mine.subscribe(channel), 204)
    assert.equal(await theirs.subscribe(channel), 400)
    await ChangeOrderStatus.handle(await member('admin'), order.id, 'CONFIRMED')

    const event = await mine.next(channel)
    assert.equal(event.type, 'order.updated')
    assert.equal(event.order.id, order.id)
    assert.equal(event.order.status, 'CONFIRMED')
    assert.deepEqual(await theirs.received(channel), [])
  })
})

test.group('Shop pages', (group) => {
  isolateDatabase(group)

  test('the shop is in the main navigation and lists what members may buy', async ({
    client,
    assert,
  }) => {
    const visible = await ProductFactory.merge({ name: 'Crow feather pen' }).create()
    await ProductFactory.apply('inactive').merge({ name: 'Secret prototype' }).create()
    const buyer = await member()
    assert.include(await htmlOf(client, urlFor('shop.index'), buyer), 'Cart (0)')
    await Cart.add(buyer, { productId: visible.id, quantity: 3 })
    const html = await htmlOf(client, urlFor('shop.index'), buyer)
    assert.include(html, urlFor('shop.index'))
    assert.include(html, visible.name)
    assert.notInclude(html, 'Secret prototype')
    assert.include(html, 'Cart (3)')
  })

  test('an empty shop says so', async ({ client, assert }) => {
    const html = await htmlOf(client, urlFor('shop.index'), await member())
    assert.include(html, 'The shop is empty for now')
  })

  test('an inactive product’s page is a 404 for a member', async ({ client, assert }) => {
    const product = await ProductFactory.apply('inactive').create()
    assert.equal(
      await statusOf(client, urlFor('shop_products.show', { id: product.id }), await member()),
      404
    )
  })

  test('add to cart, check out, see the order, cancel it: money and stock come back', async ({
    client,
    assert,
  }) => {
    const buyer = await funded('100.00')
    const product = await ProductFactory.merge({ stock: 3 }).create()

    const added = await submit(client, buyer, 'post', urlFor('cart_items.store'), {
      form: { productId: product.id, quantity: '2' },
    })
    assert.equal(added.header('location'), urlFor('cart.show'))
    assert.include(await htmlOf(client, urlFor('cart.show'), buyer), '50.00')

    const paid = await submit(client, buyer, 'post', urlFor('orders.store'))
    const order = await db.from('orders').where('user_id', buyer.id).firstOrFail()
    assert.equal(paid.header('location'), urlFor('orders.show', { id: order.id }))
    const page = await htmlOf(client, urlFor('orders.show', { id: order.id }), buyer)
    assert.include(page, 'Cancel order')
    const stock = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(stock.stock, 1)

    const cancelled = await submit(
      client,
      buyer,
      'post',
      urlFor('order_cancellations.store', { id: order.id })
    )
    assert.equal(cancelled.header('location'), urlFor('orders.show', { id: order.id }))
    const after = await db.from('products').where('id', product.id).firstOrFail()
    assert.equal(after.stock, 3)
    assert.include(await htmlOf(client, urlFor('orders.index'), buyer), 'Cancelled')
  })

  test('the cart page flags a line above the stock left and one no longer on sale', async ({
    client,
    assert,
  }) => {
    const buyer = await member()
    const scarce = await ProductFactory.merge({ name: 'Last lantern', stock: 5 }).create()
    const withdrawn = await ProductFactory.merge({ name: 'Old banner' }).create()
    await Cart.add(buyer, { productId: scarce.id, quantity: 4 })
    await Cart.add(buyer, { productId: withdrawn.id })
    await db.from('products').where('id', scarce.id).update({ stock: 2 })
    await db.from('products').where('id', withdrawn.id).update({ active: false })

    const html = await htmlOf(client, urlFor('cart.show'), buyer)

    assert.include(html, 'Only 2 left: lower the quantity.')
    assert.include(html, 'No longer available: remove it to check out.')
    assert.include(html, urlFor('shop_products.show', { id: scarce.id }))
    assert.notInclude(html, urlFor('shop_products.show', { id: withdrawn.id }))
  })

  test('another member’s order page is a 404', async ({ client, assert }) => {
    const order = await orderOf(await funded('100.00'))
    assert.equal(
      await statusOf(client, urlFor('orders.show', { id: order.id }), await member()),
      404
    )
  })

  test('a quantity out of range goes back to the form and adds nothing', async ({
    client,
    assert,
  }) => {
    const product = await ProductFactory.create()
    const response = await submit(client, await member(), 'post', urlFor('cart_items.store'), {
      form: { productId: product.id, quantity: '500' },
      from: urlFor('shop_products.show', { id: product.id }),
    })
    response.assertStatus(302)
    assert.equal(response.header('location'), urlFor('shop_products.show', { id: product.id }))
    assert.lengthOf(await CartItem.all(), 0)
  })
})
