import { test } from '@japa/runner'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import AuditLog from '#models/audit_log'
import Product from '#models/product'
import ShopCategory from '#models/shop_category'
import { isolateDatabase } from '#tests/helpers/database'
import { member } from '#tests/helpers/bounties'
import { fieldErrors } from '#tests/helpers/bounty_pages'
import { countRows } from '#tests/helpers/accounts'
import { paidOrder, product, shopCategory } from '#tests/helpers/shop_admin'

const FORM = {
  name: 'Corps hoodie',
  description: 'Warm and **black**',
  price: '45.50',
  stockMode: 'limited',
  stock: '20',
  lowStockThreshold: '3',
  active: 'on',
}

function picture(width: number, height: number, format: 'png' | 'jpeg' = 'png') {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } })
    .toFormat(format)
    .toBuffer()
}

test.group('Admin shop: products', (group) => {
  isolateDatabase(group)
  group.each.setup(() => {
    drive.fake('fs')
    return () => drive.restore('fs')
  })

  test('creates a product with a picture, bounded to 800 px and stored as WebP, audited', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const category = await shopCategory('Clothes')

    const response = await client
      .post('/admin/shop/products')
      .loginAs(admin)
      .fields({ ...FORM, categoryId: category.id })
      .file('image', await picture(2400, 1200), { filename: 'hoodie.png' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    response.assertHeader('location', '/admin/shop/products')
    const stored = await Product.findByOrFail('name', 'Corps hoodie')
    assert.equal(stored.price.toString(), '45.50')
    assert.equal(stored.stock, 20)
    assert.equal(stored.lowStockThreshold, 3)
    assert.equal(stored.categoryId, category.id)
    assert.equal(stored.createdBy, admin.id)
    assert.match(stored.imagePath!, /^products\/[0-9a-f-]{36}\.webp$/)
    const bytes = await drive.use('fs').getBytes(stored.imagePath!)
    const meta = await sharp(bytes).metadata()
    assert.equal(meta.format, 'webp')
    assert.equal(meta.width, 800)
    assert.equal(meta.height, 400)
    const audit = await AuditLog.query().where('action', 'product.created').firstOrFail()
    assert.equal(audit.subjectId, stored.id)
    assert.include(audit.data.after as object, { name: 'Corps hoodie', price: '45.50', stock: 20 })

    const served = await client.get(`/shop/products/${stored.id}/image`).loginAs(admin)
    served.assertStatus(200)
    served.assertHeader('content-type', 'image/webp')
    // Links name the picture's version, so a replaced one is never served from a cache.
    const version = stored.imagePath!.slice('products/'.length, -'.webp'.length)
    const page = await client.get(`/shop/products/${stored.id}`).loginAs(admin)
    assert.include(page.text(), `/shop/products/${stored.id}/image?v=${version}`)
  })

  test('refuses a picture whose bytes are not an image, whatever its name, and saves nothing', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const response = await client
      .post('/admin/shop/products')
      .loginAs(admin)
      .fields(FORM)
      .file('image', Buffer.from('<?php echo "not a picture"; ?>'), { filename: 'evil.png' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    assert.deepEqual(fieldErrors(response), {
      image: ['The image must be a JPEG, PNG, WebP or GIF'],
    })
    assert.equal(await countRows('products'), 0)
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('refuses bad input field by field: no name, a price of zero, a missing stock', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const response = await client
      .post('/admin/shop/products')
      .loginAs(admin)
      .form({ name: '', price: '0', stockMode: 'limited', categoryId: 'not-a-uuid' })
      .withCsrfToken()
      .redirects(0)

    const errors = fieldErrors(response)
    assert.properties(errors, ['name', 'price', 'stock', 'categoryId'])
    assert.equal(errors.stock[0], 'Enter how many are in stock, or choose unlimited')
    assert.equal(await countRows('products'), 0)
  })

  test('edits a product to unlimited stock and hidden, audited with before and after', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const item = await product({ name: 'Mug', stock: 4 })

    const response = await client
      .put(`/admin/shop/products/${item.id}`)
      .loginAs(admin)
      .form({ name: 'Big mug', description: 'Holds a lot', price: '12', stockMode: 'unlimited' })
      .withCsrfToken()
      .redirects(0)

    response.assertStatus(302)
    await item.refresh()
    assert.equal(item.name, 'Big mug')
    assert.isNull(item.stock)
    assert.isFalse(item.active)
    assert.equal(item.price.toString(), '12.00')
    const audit = await AuditLog.query().where('action', 'product.updated').firstOrFail()
    assert.include(audit.data.before as object, { name: 'Mug', stock: 4, active: true })
    assert.include(audit.data.after as object, { name: 'Big mug', stock: null, active: false })
  })

  test('the edit page previews the description sanitised: no script, no raw HTML', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const item = await product({
      description: '**Soft** <script>alert(1)</script> [x](javascript:alert(1))',
    })

    const page = await client.get(`/admin/shop/products/${item.id}/edit`).loginAs(admin)

    page.assertStatus(200)
    const preview = page.text().split('class="prose">')[1].split('</div>')[0]
    assert.include(preview, '<strong>Soft</strong>')
    assert.notInclude(preview, '<script')
    assert.notInclude(preview, 'javascript:')
  })

  test('lists products with search, category and status filters; archived only when asked', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const clothes = await shopCategory('Clothes')
    await product({ name: 'Red scarf', categoryId: clothes.id })
    await product({ name: 'Blue scarf', active: false })
    await product({ name: 'Old scarf' }).then(async (old) => {
      old.archivedAt = old.createdAt
      await old.save()
    })
    await product({ name: 'Low mug', stock: 1, lowStockThreshold: 2 })

    const names = async (qs: Record<string, string>) => {
      const page = await client.get('/admin/shop/products').qs(qs).loginAs(admin)
      page.assertStatus(200)
      return ['Red scarf', 'Blue scarf', 'Old scarf', 'Low mug'].filter((name) =>
        page.text().includes(name)
      )
    }

    assert.deepEqual(await names({}), ['Red scarf', 'Blue scarf', 'Low mug'])
    assert.deepEqual(await names({ q: 'SCARF' }), ['Red scarf', 'Blue scarf'])
    assert.deepEqual(await names({ categoryId: clothes.id }), ['Red scarf'])
    assert.deepEqual(await names({ state: 'inactive' }), ['Blue scarf'])
    assert.deepEqual(await names({ state: 'archived' }), ['Old scarf'])
    assert.deepEqual(await names({ lowStock: 'true' }), ['Low mug'])
    const bad = await client.get('/admin/shop/products').qs({ state: 'gone' }).loginAs(admin)
    bad.assertStatus(200)
    bad.assertTextIncludes('Some filters are not valid')
  })

  test('a page number that is not a positive whole number lists the first page', async ({
    client,
  }) => {
    const admin = await member('admin')
    await product({ name: 'Red scarf' })
    for (const page of ['-3', '0', '1.5', 'two']) {
      const response = await client.get('/admin/shop/products').qs({ page }).loginAs(admin)
      response.assertStatus(200)
      response.assertTextIncludes('Red scarf')
    }
  })

  test('an ordered product is archived, never deleted; one nobody ordered is deleted', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const ordered = await product({ name: 'Sold tee' })
    const unsold = await product({ name: 'Unsold tee' })
    await paidOrder(await member(), ordered)

    const refused = await client
      .delete(`/admin/shop/products/${ordered.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    const archived = await client
      .post(`/admin/shop/products/${ordered.id}/archive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)
    const deleted = await client
      .delete(`/admin/shop/products/${unsold.id}`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    assert.match(String(refused.flashMessage('error')), /archive it instead/)
    archived.assertStatus(302)
    await ordered.refresh()
    assert.isNotNull(ordered.archivedAt)
    deleted.assertStatus(302)
    assert.isNull(await Product.find(unsold.id))
    const entries = await AuditLog.query()
    assert.sameMembers(
      entries.map((entry) => entry.action),
      ['product.archived', 'product.deleted']
    )
  })

  test('restoring an archived product puts it back in the working list', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const item = await product()
    item.archivedAt = item.createdAt
    await item.save()

    await client
      .delete(`/admin/shop/products/${item.id}/archive`)
      .loginAs(admin)
      .withCsrfToken()
      .redirects(0)

    await item.refresh()
    assert.isNull(item.archivedAt)
    assert.equal(await countRows('audit_logs', { action: 'product.restored' }), 1)
  })
})

test.group('Admin shop: categories', (group) => {
  isolateDatabase(group)

  test('creates, renames, reorders and deletes a category, audited; products stay', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    await client
      .post('/admin/shop/categories')
      .loginAs(admin)
      .form({ name: 'Books' })
      .withCsrfToken()
    const books = await ShopCategory.findByOrFail('name', 'Books')
    const item = await product({ categoryId: books.id })

    await client
      .put(`/admin/shop/categories/${books.id}`)
      .loginAs(admin)
      .form({ name: 'Reading', position: '7' })
      .withCsrfToken()
    await books.refresh()
    assert.equal(books.name, 'Reading')
    assert.equal(books.position, 7)

    const page = await client.get('/admin/shop/categories').loginAs(admin)
    page.assertTextIncludes('Reading')

    await client.delete(`/admin/shop/categories/${books.id}`).loginAs(admin).withCsrfToken()
    assert.isNull(await ShopCategory.find(books.id))
    await item.refresh()
    assert.isNull(item.categoryId)
    const entries = await AuditLog.query()
    assert.sameMembers(
      entries.map((entry) => entry.action),
      ['shop_category.created', 'shop_category.updated', 'shop_category.deleted']
    )
  })

  test('refuses a name another category has, whatever its case', async ({ client, assert }) => {
    const admin = await member('admin')
    await shopCategory('Books')

    const response = await client
      .post('/admin/shop/categories')
      .loginAs(admin)
      .form({ name: 'BOOKS' })
      .withCsrfToken()
      .redirects(0)

    assert.deepEqual(fieldErrors(response), { name: ['Another shop category has this name.'] })
    assert.equal(await countRows('shop_categories'), 1)
  })
})
