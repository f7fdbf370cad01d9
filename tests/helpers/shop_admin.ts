import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import Order from '#models/order'
import OrderItem from '#models/order_item'
import OrderEvent from '#models/order_event'
import Product from '#models/product'
import ShopCategory from '#models/shop_category'
import type User from '#models/user'
import type { OrderStatus } from '#enums/shop'
import { fund } from '#tests/helpers/ledger'

let counter = 0

export async function shopCategory(name = `Shelf ${++counter}`) {
  return ShopCategory.create({ name, position: counter })
}

export async function product(
  overrides: Partial<Omit<Product, 'price'>> & { price?: string } = {}
) {
  const { price = '25.00', ...rest } = overrides
  return Product.create({
    name: `Reward ${++counter}`,
    description: 'A **fine** thing',
    stock: 10,
    active: true,
    ...rest,
    price: Money.parse(price),
  })
}

/**
 * An order as checkout leaves it: the buyer paid wallet → SHOP through the
 * ledger and the stock was taken; then moved on to `status` as Leaders
 * would (its history says so).
 */
export async function paidOrder(
  buyer: User,
  item: Product,
  quantity = 1,
  status: OrderStatus = 'PLACED'
) {
  const total = item.price.times(quantity)
  await fund(buyer, total.toString())
  return Ledger.transaction(async (trx) => {
    const movement = await Ledger.transfer(trx, {
      from: accounts.wallet(buyer.id),
      to: accounts.shop,
      amount: total,
      description: 'Shop order (test)',
    })
    if (item.stock !== null) {
      await trx.from('products').where('id', item.id).decrement('stock', quantity)
    }
    const order = await Order.create(
      { userId: buyer.id, status, total, paymentEntryId: movement.entryId },
      { client: trx }
    )
    await OrderItem.create(
      {
        orderId: order.id,
        productId: item.id,
        name: item.name,
        quantity,
        unitPrice: item.price,
        lineTotal: total,
      },
      { client: trx }
    )
    await OrderEvent.create(
      { orderId: order.id, status: 'PLACED', actorId: buyer.id },
      { client: trx }
    )
    return order
  })
}
