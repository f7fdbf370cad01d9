import { MAX_LINE_QUANTITY, ORDER_STATUSES, PRODUCT_SORTS } from '#enums/shop'
import { addToCartValidator, updateCartItemValidator } from '#validators/shop'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  nullable,
  object,
  operation,
  pagination,
  query,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'
import { idempotencyFailures, idempotencyKey } from '#openapi/paths/wallet'

/**
 * The reward shop, member side (G1–G2): products, the cart, orders.
 */
const tags = ['Shop']

export const shopTag = {
  name: 'Shop',
  description: [
    'Rewards paid from the wallet: browse products, fill a cart kept on the server, check out, follow and cancel orders.',
    'Checkout is one ledger movement (wallet → shop, a SPEND in the wallet history) that takes the stock in the same transaction: too little stock is OUT_OF_STOCK and too little money INSUFFICIENT_FUNDS, nothing charged and the cart kept either way.',
    'Live events of the caller’s orders arrive on the Transmit channel `users/<id>/orders` (only that member): `{ type: "order.updated", order }`.',
  ].join('\n'),
}

const orderStatus = { type: 'string', enum: [...ORDER_STATUSES] }
const messageOnly = { type: 'null', description: 'No data: read `message`' }

export const shopSchemas: Record<string, Schema> = {
  Product: object(
    {
      id: ref('Uuid'),
      name: { type: 'string' },
      description: { type: 'string', description: 'Markdown source' },
      imageUrl: nullable({ type: 'string' }),
      price: ref('Money'),
      stock: {
        ...nullable({ type: 'integer', minimum: 0 }),
        description: 'What is left; `null` means unlimited',
      },
      category: nullable(object({ id: ref('Uuid'), name: { type: 'string' } })),
      active: { type: 'boolean' },
    },
    'A product of the shop. Members only ever see active ones.'
  ),
  CartItem: object(
    {
      id: ref('Uuid'),
      product: ref('Product'),
      quantity: { type: 'integer', minimum: 1, maximum: MAX_LINE_QUANTITY },
      lineTotal: { ...ref('Money'), description: 'At the product’s current price' },
    },
    'A line of the caller’s cart.'
  ),
  Cart: object(
    {
      items: { type: 'array', items: ref('CartItem') },
      total: ref('Money'),
    },
    'The caller’s cart at current prices (re-checked at checkout).'
  ),
  Order: object(
    {
      id: ref('Uuid'),
      status: orderStatus,
      total: ref('Money'),
      items: {
        type: 'array',
        items: object({
          product: object({ id: ref('Uuid'), name: { type: 'string' } }),
          quantity: { type: 'integer', minimum: 1 },
          unitPrice: ref('Money'),
          lineTotal: ref('Money'),
        }),
      },
      createdAt: ref('Timestamp'),
      updatedAt: ref('Timestamp'),
    },
    'An order of the caller’s; lines name the product and price as bought.'
  ),
}

const productId = uuidPath('id', 'The product id')
const itemId = uuidPath('id', 'The cart line id')
const orderId = uuidPath('id', 'The order id')

export const shopPaths: Record<string, Record<string, Operation>> = {
  '/shop/products': {
    get: operation({
      tags,
      operationId: 'listProducts',
      summary: 'The shop’s products, newest first unless sorted',
      security: bearer('read'),
      parameters: [
        query('category', ref('Uuid'), 'Only this category'),
        query('q', { type: 'string', maxLength: 100 }, 'Words in the name or description'),
        query('sort', { type: 'string', enum: [...PRODUCT_SORTS] }, 'Order (default `newest`)'),
        ...pagination(20),
      ],
      responses: {
        ...success(
          'A page of products',
          { type: 'array', items: ref('Product') },
          {
            paginated: true,
          }
        ),
        ...failure(422),
      },
    }),
  },
  '/shop/products/{id}': {
    get: operation({
      tags,
      operationId: 'getProduct',
      summary: 'A product (404 for a member when it is inactive or archived)',
      security: bearer('read'),
      parameters: [productId],
      responses: { ...success('The product', ref('Product')), ...failure(404) },
    }),
  },
  '/cart': {
    get: operation({
      tags,
      operationId: 'getCart',
      summary: 'The caller’s cart',
      security: bearer('read'),
      responses: success('The cart', ref('Cart')),
    }),
  },
  '/cart/items': {
    post: operation({
      tags,
      operationId: 'addCartItem',
      summary: `Put a product in the cart (added to any quantity already there, at most ${MAX_LINE_QUANTITY})`,
      description:
        'A product the caller cannot see is a 422 on `productId`; one sold out is OUT_OF_STOCK.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(addToCartValidator), {
        productId: '3f1c2a9e-8d7b-4c6a-9e5f-1a2b3c4d5e6f',
        quantity: 2,
      }),
      responses: {
        ...success('The cart line', ref('CartItem'), { status: 201 }),
        ...failure(409, ['OUT_OF_STOCK']),
        ...failure(422),
      },
    }),
  },
  '/cart/items/{id}': {
    put: operation({
      tags,
      operationId: 'updateCartItem',
      summary: 'Change a line’s quantity',
      security: bearer('write'),
      parameters: [itemId],
      requestBody: jsonBody(fromValidator(updateCartItemValidator), { quantity: 3 }),
      responses: {
        ...success('The cart line', ref('CartItem')),
        ...failure(404),
        ...failure(422),
      },
    }),
    delete: operation({
      tags,
      operationId: 'removeCartItem',
      summary: 'Remove a line from the cart',
      security: bearer('write'),
      parameters: [itemId],
      responses: { ...success('Removed', messageOnly), ...failure(404) },
    }),
  },
  '/orders': {
    get: operation({
      tags,
      operationId: 'listOrders',
      summary: 'The caller’s orders, newest first',
      security: bearer('read'),
      parameters: pagination(20),
      responses: {
        ...success(
          'A page of orders',
          { type: 'array', items: ref('Order') },
          {
            paginated: true,
          }
        ),
        ...failure(422),
      },
    }),
    post: operation({
      tags,
      operationId: 'checkout',
      summary: 'Check out the cart: one order, paid from the wallet at once',
      description:
        'Prices are the products’ prices now. Stock is taken in the same transaction as the payment: when many buy the last items at once, exactly as many succeed as there were items. An empty cart is a 422 on `cart`. Needs a verified email.',
      security: bearer('wallet'),
      parameters: [idempotencyKey],
      responses: {
        ...success('The order, PLACED', ref('Order'), { status: 201 }),
        ...failure(403, ['FORBIDDEN', 'ACCOUNT_INACTIVE']),
        ...idempotencyFailures('OUT_OF_STOCK', 'INSUFFICIENT_FUNDS'),
      },
    }),
  },
  '/orders/{id}': {
    get: operation({
      tags,
      operationId: 'getOrder',
      summary: 'An order of the caller’s',
      security: bearer('read'),
      parameters: [orderId],
      responses: { ...success('The order', ref('Order')), ...failure(404) },
    }),
  },
  '/orders/{id}/cancel': {
    put: operation({
      tags,
      operationId: 'cancelOrder',
      summary: 'Cancel an order while it is PLACED: refunded and restocked, once',
      description:
        'Once a Leader confirmed it, or when it is already cancelled, the answer is INVALID_TRANSITION.',
      security: bearer('wallet'),
      parameters: [orderId],
      responses: {
        ...success('The order, CANCELLED', ref('Order')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
      },
    }),
  },
}
