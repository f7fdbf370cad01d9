import { BaseSeeder } from '@adonisjs/lucid/seeders'
import mail from '@adonisjs/mail/services/main'
import router from '@adonisjs/core/services/router'
import { DateTime } from 'luxon'
import Money from '#ledger/money'
import Product from '#models/product'
import ShopCategory from '#models/shop_category'
import type Order from '#models/order'
import User from '#models/user'
import type { OrderStatus } from '#enums/shop'
import Cart from '#actions/shop/cart'
import Checkout from '#actions/shop/checkout'
import CancelOrder from '#actions/shop/cancel_order'
import ChangeOrderStatus from '#actions/shop/change_order_status'
import DepositFunds from '#actions/treasury/deposit_funds'
import MainSeeder, { DEMO_USERS } from '#database/seeders/main_seeder'

type DemoProduct = {
  name: string
  category: string
  description: string
  price: string
  stock: number | null
  lowStockThreshold?: number
  active?: boolean
  archived?: boolean
}

const CATEGORIES = ['Apparel', 'Desk', 'Experiences']

/**
 * A stocked shop: plenty, unlimited, low, sold out, and one inactive and
 * one archived product that only Leaders see.
 */
const PRODUCTS: DemoProduct[] = [
  {
    name: 'Corps hoodie',
    category: 'Apparel',
    description: 'Heavy cotton, **embroidered** crest. Sizes S to XXL.',
    price: '80.00',
    stock: 12,
    lowStockThreshold: 3,
  },
  {
    name: 'Sticker pack',
    category: 'Desk',
    description: 'Ten vinyl stickers: the crest, the crow and the sword.',
    price: '5.00',
    stock: null,
  },
  {
    name: 'Enamel mug',
    category: 'Desk',
    description: 'Keeps tea warm through a long review.',
    price: '15.00',
    stock: 3,
    lowStockThreshold: 5,
  },
  {
    name: 'Mechanical keyboard',
    category: 'Desk',
    description: 'Quiet switches, so your teammates keep their focus.',
    price: '150.00',
    stock: 0,
  },
  {
    name: 'Lunch with a Hashira',
    category: 'Experiences',
    description: 'An hour of questions over lunch, on the Corps.',
    price: '60.00',
    stock: 5,
  },
  {
    name: 'Extra day off',
    category: 'Experiences',
    description: 'Paused while the leaders agree on the rules.',
    price: '200.00',
    stock: null,
    active: false,
  },
  {
    name: 'First-edition t-shirt',
    category: 'Apparel',
    description: 'The old logo. Retired.',
    price: '20.00',
    stock: 4,
    archived: true,
  },
]

/**
 * One order in every state, each bought through checkout and moved on by
 * the actions, so the ledger holds its payments and refunds.
 */
const ORDERS: { buyer: string; product: string; quantity: number; status: OrderStatus }[] = [
  { buyer: 'zenitsu', product: 'Sticker pack', quantity: 3, status: 'PLACED' },
  { buyer: 'inosuke', product: 'Corps hoodie', quantity: 1, status: 'CONFIRMED' },
  { buyer: 'nezuko', product: 'Enamel mug', quantity: 1, status: 'SHIPPED' },
  { buyer: 'tanjiro', product: 'Lunch with a Hashira', quantity: 1, status: 'DELIVERED' },
  { buyer: 'zenitsu', product: 'Corps hoodie', quantity: 1, status: 'CANCELLED' },
]

const STEPS: OrderStatus[] = ['CONFIRMED', 'SHIPPED', 'DELIVERED']

/**
 * The reward shop's demo (G1–G2): categories, products and orders, added
 * only when the shop has none yet.
 */
export default class ShopSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    await new MainSeeder(this.client).run()
    router.commit()
    if (await Product.query().first()) {
      console.log('Demo shop already present')
      return
    }
    const users = new Map<string, User>()
    const usernames = DEMO_USERS.map((demo) => demo.username)
    for (const user of await User.query().whereIn('username', usernames)) {
      users.set(user.username, user)
    }
    const kagaya = users.get('kagaya')!

    const categories = new Map<string, string>()
    for (const [position, name] of CATEGORIES.entries()) {
      const category = await ShopCategory.create({ name, position })
      categories.set(name, category.id)
    }
    const products = new Map<string, Product>()
    for (const demo of PRODUCTS) {
      const product = await Product.create({
        name: demo.name,
        categoryId: categories.get(demo.category)!,
        description: demo.description,
        price: Money.parse(demo.price),
        stock: demo.stock,
        lowStockThreshold: demo.lowStockThreshold ?? null,
        active: demo.active ?? true,
        archivedAt: demo.archived ? DateTime.now() : null,
        createdBy: kagaya.id,
      })
      products.set(demo.name, product)
    }

    mail.fake()
    try {
      for (const demo of ORDERS) {
        const buyer = users.get(demo.buyer)!
        const product = products.get(demo.product)!
        await DepositFunds.handle(
          { user: kagaya, ip: null },
          {
            recipient: buyer,
            amount: product.price.times(demo.quantity),
            description: 'Shop voucher',
          }
        )
        await Cart.add(buyer, { productId: product.id, quantity: demo.quantity })
        const order = await Checkout.handle(buyer)
        await this.#moveOn(order, demo.status, buyer, kagaya)
      }
    } finally {
      mail.restore()
    }
    console.log(`Demo shop: ${PRODUCTS.length} products, ${ORDERS.length} orders`)
  }

  async #moveOn(order: Order, status: OrderStatus, buyer: User, leader: User) {
    if (status === 'CANCELLED') {
      await CancelOrder.handle(buyer, order.id)
      return
    }
    for (const step of STEPS.slice(0, STEPS.indexOf(status as (typeof STEPS)[number]) + 1)) {
      await ChangeOrderStatus.handle(leader, order.id, step)
    }
  }
}
