import { test } from '@japa/runner'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import type { Assert } from '@japa/assert'
import limiter from '@adonisjs/limiter/services/main'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows } from '#tests/helpers/accounts'
import { member } from '#tests/helpers/bounties'
import { paidOrder, product, shopCategory } from '#tests/helpers/shop_admin'
import { bearerFor } from '#tests/functional/api/support'
import type User from '#models/user'

/*
| docs/permissions.md "Admin › Shop": one test per cell that is refused.
| Each row names the page (or form) and, where the API has it, the
| endpoint; a Pillar and a Member are refused (403), a guest is sent to
| sign in (401 on the API), and nothing changes.
*/

type Ids = { product: string; category: string; order: string }
type Call = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: (ids: Ids) => string; body?: object }
type Row = { action: string; page: Call; api?: Call }

const ROWS: Row[] = [
  {
    action: 'list the catalogue',
    page: { method: 'GET', url: () => '/admin/shop/products' },
  },
  {
    action: 'create a product',
    page: {
      method: 'POST',
      url: () => '/admin/shop/products',
      body: { name: 'X', price: '1', stockMode: 'unlimited' },
    },
    api: {
      method: 'POST',
      url: () => '/api/v1/admin/products',
      body: { name: 'Pen', description: '', price: '1', stock: 1 },
    },
  },
  {
    action: 'edit a product',
    page: {
      method: 'PUT',
      url: (ids) => `/admin/shop/products/${ids.product}`,
      body: { name: 'X', price: '1', stockMode: 'unlimited' },
    },
    api: {
      method: 'PUT',
      url: (ids) => `/api/v1/admin/products/${ids.product}`,
      body: { price: '2' },
    },
  },
  {
    action: 'archive a product',
    page: { method: 'POST', url: (ids) => `/admin/shop/products/${ids.product}/archive` },
  },
  {
    action: 'delete a product',
    page: { method: 'DELETE', url: (ids) => `/admin/shop/products/${ids.product}` },
  },
  {
    action: 'manage shop categories',
    page: {
      method: 'PUT',
      url: (ids) => `/admin/shop/categories/${ids.category}`,
      body: { name: 'Renamed' },
    },
  },
  {
    action: 'list every order',
    page: { method: 'GET', url: () => '/admin/shop/orders' },
    api: { method: 'GET', url: () => '/api/v1/admin/orders' },
  },
  {
    action: 'change an order’s status',
    page: {
      method: 'POST',
      url: () => '/admin/shop/order-status-changes',
      body: { status: 'CONFIRMED' },
    },
    api: {
      method: 'PUT',
      url: (ids) => `/api/v1/admin/orders/${ids.order}/status`,
      body: { status: 'CONFIRMED' },
    },
  },
]

async function fixtures(): Promise<Ids> {
  const item = await product()
  const category = await shopCategory()
  const order = await paidOrder(await member(), await product())
  return { product: item.id, category: category.id, order: order.id }
}

async function state() {
  return {
    products: await countRows('products'),
    archived: await countRows('products', { archived_at: null }),
    categories: await countRows('shop_categories', { name: 'Renamed' }),
    placed: await countRows('orders', { status: 'PLACED' }),
    audit: await countRows('audit_logs'),
  }
}

async function sendPage(
  client: ApiClient,
  call: Call,
  ids: Ids,
  caller: User | null,
  body: object
) {
  const request = client.request(call.url(ids), call.method).redirects(0)
  if (caller) request.loginAs(caller)
  return call.method === 'GET' ? request : request.form(body).withCsrfToken()
}

async function sendApi(client: ApiClient, call: Call, ids: Ids, caller: User | null) {
  const request = client.request(call.url(ids), call.method)
  if (caller) request.header('authorization', await bearerFor(caller))
  return call.method === 'GET' ? request : request.json(call.body ?? {})
}

function assertPageRefused(assert: Assert, call: Call, response: ApiResponse, guest: boolean) {
  if (guest) {
    assert.equal(response.status(), 302)
    assert.equal(response.header('location'), '/login')
  } else if (call.method === 'GET') {
    assert.equal(response.status(), 403)
  } else {
    assert.equal(response.status(), 302)
    assert.property(response.flashMessages()?.errorsBag ?? {}, 'E_AUTHORIZATION_FAILURE')
  }
}

test.group('Admin shop permissions', (group) => {
  isolateDatabase(group)
  group.each.setup(() => limiter.clear())

  for (const row of ROWS) {
    for (const [who, role] of [
      ['a Pillar', 'pillar'],
      ['a Member', 'verified'],
      ['a guest', null],
    ] as const) {
      test(`${who} cannot ${row.action}`, async ({ client, assert }) => {
        const ids = await fixtures()
        const caller = role ? await member(role) : null
        const before = await state()

        const page = await sendPage(client, row.page, ids, caller, {
          ...row.page.body,
          'orderIds[]': [ids.order],
        })
        assertPageRefused(assert, row.page, page, !caller)
        if (row.api) {
          const api = await sendApi(client, row.api, ids, caller)
          assert.equal(api.status(), caller ? 403 : 401)
          assert.equal(api.body().error.code, caller ? 'FORBIDDEN' : 'UNAUTHENTICATED')
        }
        assert.deepEqual(await state(), before)
      })
    }
  }
})
