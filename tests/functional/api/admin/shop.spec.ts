import { test } from '@japa/runner'
import '#tests/helpers/openapi'
import AuditLog from '#models/audit_log'
import Order from '#models/order'
import Product from '#models/product'
import type User from '#models/user'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { assertLedgerClean, member } from '#tests/helpers/bounties'
import { balancesOf } from '#tests/helpers/ledger'
import { paidOrder, product, shopCategory } from '#tests/helpers/shop_admin'
import { bearerFor, refusesInvalidInput } from '#tests/functional/api/support'

const UNKNOWN_ID = '7d0f4a1e-2b3c-4d5e-8f90-a1b2c3d4e5f6'

test.group('Admin shop API: products', (group) => {
  isolateDatabase(group)

  let admin: User
  let authorization: string
  group.each.setup(async () => {
    admin = await member('admin')
    authorization = await bearerFor(admin)
  })

  test('POST /admin/products creates a product, unlimited when stock is null, audited', async ({
    client,
    assert,
  }) => {
    const category = await shopCategory('Clothes')

    const response = await client
      .post('/api/v1/admin/products')
      .header('authorization', authorization)
      .json({
        name: 'Hoodie',
        description: 'Warm',
        price: 45.5,
        stock: null,
        categoryId: category.id,
        lowStockThreshold: 2,
      })

    response.assertStatus(201)
    assert.include(response.body().data, {
      name: 'Hoodie',
      price: '45.50',
      stock: null,
      active: true,
      lowStockThreshold: 2,
      imageUrl: null,
    })
    assert.deepEqual(response.body().data.category, { id: category.id, name: 'Clothes' })
    const stored = await Product.findOrFail(response.body().data.id)
    assert.isNull(stored.stock)
    assert.equal(await countRows('audit_logs', { action: 'product.created' }), 1)
  })

  test('PUT /admin/products/:id changes only what is sent', async ({ client, assert }) => {
    const item = await product({ name: 'Mug', stock: 4, price: '10.00' })

    const response = await client
      .put(`/api/v1/admin/products/${item.id}`)
      .header('authorization', authorization)
      .json({ price: '12', active: false })

    response.assertStatus(200)
    assert.include(response.body().data, { name: 'Mug', price: '12.00', stock: 4, active: false })
    const audit = await AuditLog.query().where('action', 'product.updated').firstOrFail()
    assert.include(audit.data.before as object, { price: '10.00', active: true })
    assert.include(audit.data.after as object, { price: '12.00', active: false })
  })

  test('PUT /admin/products/:id answers 404 for an unknown product', async ({ client }) => {
    const response = await client
      .put(`/api/v1/admin/products/${UNKNOWN_ID}`)
      .header('authorization', authorization)
      .json({ price: '12' })
    response.assertStatus(404)
  })

  refusesInvalidInput(
    [
      ['the name is missing', { description: '', price: '5', stock: 1 }, 'name', 'required'],
      [
        'the price is zero',
        { name: 'Pen', description: '', price: 0, stock: 1 },
        'price',
        'money.positive',
      ],
      [
        'the price has three decimals',
        { name: 'Pen', description: '', price: '1.005', stock: 1 },
        'price',
        'money',
      ],
      [
        'the stock is negative',
        { name: 'Pen', description: '', price: '5', stock: -1 },
        'stock',
        'min',
      ],
      ['the stock is absent', { name: 'Pen', description: '', price: '5' }, 'stock', 'required'],
      [
        'the category does not exist',
        { name: 'Pen', description: '', price: '5', stock: 1, categoryId: UNKNOWN_ID },
        'categoryId',
        'database.exists',
      ],
      [
        'active is not a boolean',
        { name: 'Pen', description: '', price: '5', stock: 1, active: 'yes' },
        'active',
        'boolean',
      ],
    ],
    {
      given: async () => bearerFor(await member('admin')),
      send: (client, body, bearer) =>
        client.post('/api/v1/admin/products').header('authorization', bearer).json(body),
      unchanged: async (assert) => assert.equal(await countRows('products'), 0),
    }
  )
})

test.group('Admin shop API: orders', (group) => {
  isolateDatabase(group)

  let admin: User
  let authorization: string
  group.each.setup(async () => {
    admin = await member('admin')
    authorization = await bearerFor(admin)
  })

  test('GET /admin/orders lists every member’s orders with their buyer, by status', async ({
    client,
    assert,
  }) => {
    const buyer = await member()
    const placed = await paidOrder(buyer, await product({ name: 'Pen' }), 3)
    await paidOrder(await member(), await product(), 1, 'DELIVERED')

    const all = await client.get('/api/v1/admin/orders').header('authorization', authorization)
    const onlyPlaced = await client
      .get('/api/v1/admin/orders')
      .qs({ status: 'PLACED' })
      .header('authorization', authorization)
    const invalid = await client
      .get('/api/v1/admin/orders')
      .qs({ status: 'LOST' })
      .header('authorization', authorization)

    all.assertStatus(200)
    assert.equal(all.body().meta.pagination.total, 2)
    assert.deepEqual(
      onlyPlaced.body().data.map((order: { id: string }) => order.id),
      [placed.id]
    )
    assert.deepEqual(onlyPlaced.body().data[0].buyer, { id: buyer.id, username: buyer.username })
    assert.include(onlyPlaced.body().data[0].items[0], { quantity: 3, unitPrice: '25.00' })
    invalid.assertStatus(422)
  })

  test('PUT /admin/orders/:id/status moves an order one step, audited', async ({
    client,
    assert,
  }) => {
    const order = await paidOrder(await member(), await product())

    const response = await client
      .put(`/api/v1/admin/orders/${order.id}/status`)
      .header('authorization', authorization)
      .json({ status: 'CONFIRMED' })

    response.assertStatus(200)
    assert.equal(response.body().data.status, 'CONFIRMED')
    await order.refresh()
    assert.equal(order.status, 'CONFIRMED')
    assert.equal(await countRows('audit_logs', { action: 'order.status_changed' }), 1)
  })

  test('PUT /admin/orders/:id/status refuses a skipped step with 409 INVALID_TRANSITION', async ({
    client,
    assert,
  }) => {
    const order = await paidOrder(await member(), await product())

    const response = await client
      .put(`/api/v1/admin/orders/${order.id}/status`)
      .header('authorization', authorization)
      .json({ status: 'DELIVERED' })

    response.assertStatus(409)
    assert.equal(response.body().error.code, 'INVALID_TRANSITION')
    await order.refresh()
    assert.equal(order.status, 'PLACED')
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('PUT /admin/orders/:id/status CANCELLED refunds and restocks once', async ({
    client,
    assert,
  }) => {
    const buyer = await member()
    const item = await product({ stock: 5, price: '20.00' })
    const order = await paidOrder(buyer, item, 2, 'CONFIRMED')
    const before = await balancesOf(buyer)

    const first = await client
      .put(`/api/v1/admin/orders/${order.id}/status`)
      .header('authorization', authorization)
      .json({ status: 'CANCELLED' })
    const again = await client
      .put(`/api/v1/admin/orders/${order.id}/status`)
      .header('authorization', authorization)
      .json({ status: 'CANCELLED' })

    first.assertStatus(200)
    again.assertStatus(409)
    const after = await balancesOf(buyer)
    assert.equal(Number(after.balance) - Number(before.balance), 40)
    const restocked = await Product.findOrFail(item.id)
    const cancelled = await Order.findOrFail(order.id)
    assert.equal(restocked.stock, 5)
    assert.equal(cancelled.status, 'CANCELLED')
    await assertLedgerClean(assert)
  })

  test('PUT /admin/orders/:id/status answers 404 for an unknown order and 422 for a bad status', async ({
    client,
  }) => {
    const unknown = await client
      .put(`/api/v1/admin/orders/${UNKNOWN_ID}/status`)
      .header('authorization', authorization)
      .json({ status: 'CONFIRMED' })
    const bad = await client
      .put(`/api/v1/admin/orders/${UNKNOWN_ID}/status`)
      .header('authorization', authorization)
      .json({ status: 'LOST' })

    unknown.assertStatus(404)
    bad.assertStatus(422)
  })
})
