import factory from '@adonisjs/lucid/factories'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import ShopCategory from '#models/shop_category'
import Product from '#models/product'

/**
 * A shelf of the shop, with a name unique whatever its case.
 */
export const ShopCategoryFactory = factory
  .define(ShopCategory, ({ faker }) => ({
    name: `${faker.commerce.department()} ${faker.string.alphanumeric(6)}`.slice(0, 60),
    position: 0,
  }))
  .build()

/**
 * A product members can buy: active, 10 in stock, 25.00. States:
 * `unlimited` (no stock count), `soldOut`, `lastOne`, `inactive`,
 * `archived`, `lowStock` (3 left at a threshold of 5).
 */
export const ProductFactory = factory
  .define(Product, ({ faker }) => ({
    name: faker.commerce.productName().slice(0, 120),
    description: faker.commerce.productDescription(),
    price: Money.parse('25.00'),
    stock: 10 as number | null,
    active: true,
  }))
  .state('unlimited', (product) => {
    product.stock = null
  })
  .state('soldOut', (product) => {
    product.stock = 0
  })
  .state('lastOne', (product) => {
    product.stock = 1
  })
  .state('inactive', (product) => {
    product.active = false
  })
  .state('archived', (product) => {
    product.archivedAt = DateTime.now()
  })
  .state('lowStock', (product) => {
    product.stock = 3
    product.lowStockThreshold = 5
  })
  .relation('category', () => ShopCategoryFactory)
  .build()
