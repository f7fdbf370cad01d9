import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The reward shop (G1–G2): categories, products, each member's cart, orders
 * with their lines and their history.
 *
 * - `products.stock` NULL means unlimited; the CHECK makes a negative stock,
 *   and so an oversold product, impossible even for a careless writer:
 *   checkout takes stock with a conditional UPDATE in the payment's
 *   transaction.
 * - A product that was ordered is archived, never deleted: order lines
 *   restrict its deletion, and copy its name and price at purchase so an
 *   order reads the same after the product changes.
 * - An order keeps the ledger entries of its payment and of its refund; a
 *   refund is written once, under the order row's lock, so the refund
 *   column being set is what "already refunded" means.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(
      `CREATE TYPE order_status AS ENUM ('PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED')`
    )

    this.schema.createTable('shop_categories', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.string('name', 60).notNullable()
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(
      `CREATE UNIQUE INDEX shop_categories_name_unique ON shop_categories (lower(name))`
    )

    this.schema.createTable('products', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('category_id').nullable().references('shop_categories.id').onDelete('SET NULL')
      table.string('name', 120).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.string('image_path').nullable()
      table.decimal('price', 14, 2).notNullable()
      table.integer('stock').nullable()
      table.integer('low_stock_threshold').nullable()
      table.boolean('active').notNullable().defaultTo(true)
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.uuid('created_by').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('price > 0', [], 'products_price_positive')
      table.check('stock IS NULL OR stock >= 0', [], 'products_stock_not_negative')
      table.check(
        'low_stock_threshold IS NULL OR low_stock_threshold >= 0',
        [],
        'products_low_stock_threshold_not_negative'
      )
      table.index(['category_id'])
    })
    this.schema.raw(
      `CREATE INDEX products_member_browsing ON products (category_id, created_at DESC)
         WHERE active AND archived_at IS NULL`
    )

    this.schema.createTable('cart_items', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE')
      table.uuid('product_id').notNullable().references('products.id').onDelete('CASCADE')
      table.integer('quantity').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('quantity BETWEEN 1 AND 99', [], 'cart_items_quantity_range')
      table.unique(['user_id', 'product_id'])
      table.index(['product_id'])
    })

    this.schema.createTable('orders', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('user_id').notNullable().references('users.id')
      table
        .specificType('status', 'order_status')
        .notNullable()
        .defaultTo(this.raw(`'PLACED'::order_status`))
      table.decimal('total', 14, 2).notNullable()
      table.bigInteger('payment_entry_id').notNullable().references('ledger_entries.id')
      table.bigInteger('refund_entry_id').nullable().references('ledger_entries.id')
      table.uuid('cancelled_by').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.check('total > 0', [], 'orders_total_positive')
      table.check(
        `(status = 'CANCELLED') = (refund_entry_id IS NOT NULL)`,
        [],
        'orders_refunded_when_cancelled'
      )
    })
    this.schema.raw(`
      CREATE INDEX orders_by_buyer ON orders (user_id, created_at DESC);
      CREATE INDEX orders_by_status ON orders (status, created_at);
    `)

    this.schema.createTable('order_items', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE')
      table.uuid('product_id').notNullable().references('products.id').onDelete('RESTRICT')
      table.string('name', 120).notNullable()
      table.integer('quantity').notNullable()
      table.decimal('unit_price', 14, 2).notNullable()
      table.decimal('line_total', 14, 2).notNullable()
      table.check('quantity BETWEEN 1 AND 99', [], 'order_items_quantity_range')
      table.check('line_total = unit_price * quantity', [], 'order_items_line_total')
      table.index(['order_id'])
      table.index(['product_id'])
    })

    this.schema.createTable('order_events', (table) => {
      table.uuid('id').primary().defaultTo(this.raw('gen_random_uuid()'))
      table.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE')
      table.specificType('status', 'order_status').notNullable()
      table.uuid('actor_id').nullable().references('users.id').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['order_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('order_events')
    this.schema.dropTable('order_items')
    this.schema.dropTable('orders')
    this.schema.dropTable('cart_items')
    this.schema.dropTable('products')
    this.schema.dropTable('shop_categories')
    this.schema.raw('DROP TYPE IF EXISTS order_status')
  }
}
