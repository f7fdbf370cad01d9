import { randomUUID } from 'node:crypto'
import { errors as vineErrors } from '@vinejs/vine'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger, { accounts } from '#ledger/ledger'
import Money from '#ledger/money'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderItem from '#models/order_item'
import Transaction from '#models/transaction'
import type User from '#models/user'
import Idempotency from '#services/idempotency'
import { excerpt } from '#services/text'
import AlertLowStock from '#actions/shop/alert_low_stock'
import AnnounceOrder from '#actions/shop/announce_order'

type CartLine = { product_id: string; quantity: number }
type Taken = { id: string; name: string; price: string }

/**
 * Checkout (G2): the member's whole cart becomes one order, paid from the
 * wallet in one ledger transfer (wallet → SHOP, a SPEND in their history
 * naming the order), in the database transaction that takes the stock and
 * empties the cart. Any refusal rolls all of it back: nothing is charged,
 * no stock is taken and the cart stays as it was.
 *
 * Stock is taken by a conditional UPDATE per product, in product id order
 * (`stock >= quantity`, and the CHECK on `products.stock` behind it): of
 * many buyers of the last items, the first ones to lock the row get them
 * and the others find too little left (OUT_OF_STOCK). Prices are the
 * products' prices at that moment, whatever the cart showed.
 *
 * `claimId` is the API request's Idempotency-Key claim: the order is
 * recorded as its outcome, and a retry whose first attempt committed gets
 * that order back instead of buying again.
 */
export default class Checkout {
  static handle(buyer: User, { claimId }: { claimId?: string } = {}) {
    return Ledger.transaction(async (trx) => {
      const earlier = await Idempotency.resume(trx, claimId)
      if (earlier) return Order.findOrFail(earlier, { client: trx })
      const order = await this.#place(trx, buyer)
      await Idempotency.recordOutcome(trx, claimId, order.id)
      return order
    })
  }

  static async #place(trx: TransactionClientContract, buyer: User) {
    // Locking the cart makes a member's two checkouts at once take turns: the
    // second finds the cart the first emptied.
    const { rows: lines } = await trx.rawQuery<{ rows: CartLine[] }>(
      `SELECT product_id, quantity FROM cart_items WHERE user_id = ?
        ORDER BY product_id FOR UPDATE`,
      [buyer.id]
    )
    if (lines.length === 0) {
      throw new vineErrors.E_VALIDATION_ERROR([
        { field: 'cart', message: 'Your cart is empty', rule: 'required' },
      ])
    }

    const orderId = randomUUID()
    const items: Partial<OrderItem>[] = []
    for (const line of lines) {
      const taken = await takeStock(trx, line)
      const unitPrice = Money.fromDb(taken.price)
      items.push({
        orderId,
        productId: taken.id,
        name: taken.name,
        quantity: line.quantity,
        unitPrice,
        lineTotal: unitPrice.times(line.quantity),
      })
    }
    const total = Money.sum(items.map((item) => item.lineTotal!))

    const wallet = accounts.wallet(buyer.id)
    const movement = await Ledger.transfer(trx, {
      from: wallet,
      to: accounts.shop,
      amount: total,
      description: `Shop order ${orderId} by @${buyer.username}`,
    }).catch((error) => {
      if (error instanceof DomainError && error.code === 'INSUFFICIENT_FUNDS') {
        throw new DomainError(
          'INSUFFICIENT_FUNDS',
          `Your wallet cannot cover this order: it costs ${total.format()}, ` +
            `${Money.fromDb(String(error.meta?.available ?? '0')).format()} is available`,
          { field: 'cart', meta: error.meta }
        )
      }
      throw error
    })

    const order = await Order.create(
      {
        id: orderId,
        userId: buyer.id,
        status: 'PLACED',
        total,
        paymentEntryId: movement.entryId,
      },
      { client: trx }
    )
    await OrderItem.createMany(items, { client: trx })
    await AlertLowStock.handle(
      items.map((item) => ({ productId: item.productId!, quantity: item.quantity! })),
      trx
    )
    await OrderEvent.create({ orderId, status: 'PLACED', actorId: buyer.id }, { client: trx })
    await Transaction.create(
      {
        userId: buyer.id,
        entryId: movement.entryId,
        type: 'SPEND',
        status: 'COMPLETED',
        amount: total,
        balanceBefore: movement.balanceBefore(wallet),
        balanceAfter: movement.balanceAfter(wallet),
        description: `Shop order #${Order.reference(orderId)}: ${describe(items)}`,
        metadata: { kind: 'shop_order', orderId },
      },
      { client: trx }
    )
    await trx.from('cart_items').where('user_id', buyer.id).delete()
    await AnnounceOrder.handle(trx, order, buyer)
    return order
  }
}

/**
 * Takes a cart line's quantity off its product's stock (unlimited stock is
 * never taken), if the product is still for sale and has enough left.
 */
async function takeStock(trx: TransactionClientContract, line: CartLine): Promise<Taken> {
  const { rows } = await trx.rawQuery<{ rows: Taken[] }>(
    `UPDATE products SET stock = stock - ?, updated_at = now()
      WHERE id = ? AND active AND archived_at IS NULL AND (stock IS NULL OR stock >= ?)
      RETURNING id, name, price::text AS price`,
    [line.quantity, line.product_id, line.quantity]
  )
  if (rows[0]) return rows[0]
  const product = await trx
    .from('products')
    .where('id', line.product_id)
    .select('name', 'stock', 'active', 'archived_at')
    .first()
  const forSale = product && product.active && !product.archived_at
  throw new DomainError(
    'OUT_OF_STOCK',
    !forSale
      ? `${product?.name ?? 'A product in your cart'} is no longer for sale: remove it from your cart`
      : product.stock === 0
        ? `${product.name} is sold out`
        : `Only ${product.stock} of ${product.name} left: lower the quantity in your cart`,
    { field: 'cart', meta: { productId: line.product_id, available: product?.stock ?? 0 } }
  )
}

/**
 * The order's lines in words for the wallet history ("2 × Mug, Hoodie").
 */
function describe(items: Partial<OrderItem>[]) {
  const words = items.map((item) =>
    item.quantity === 1 ? item.name! : `${item.quantity} × ${item.name}`
  )
  return excerpt(words.join(', '), 200)
}
