import { ORDER_STATUSES } from '#enums/shop'
import {
  createProductValidator,
  orderStatusValidator,
  updateProductValidator,
} from '#validators/shop_admin'
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

/**
 * The shop's admin side (G1–G2): the catalogue and the orders to fulfil,
 * Leaders only.
 */
const tags = ['Admin shop']

export const adminShopTag = {
  name: 'Admin shop',
  description: 'The shop catalogue and order fulfilment (leaders only)',
}

const status = { type: 'string', enum: [...ORDER_STATUSES] }
const money = ref('Money')

export const adminShopSchemas: Record<string, Schema> = {
  AdminProduct: object({
    id: ref('Uuid'),
    name: { type: 'string' },
    description: { type: 'string', description: 'Markdown; pages render it sanitised' },
    imageUrl: nullable({ type: 'string', description: 'A WebP at most 800 px on its longer side' }),
    price: money,
    stock: nullable({ type: 'integer', minimum: 0, description: 'null: unlimited' }),
    lowStockThreshold: nullable({
      type: 'integer',
      minimum: 0,
      description: 'Leaders are told when a purchase takes the stock to this or below',
    }),
    category: nullable(object({ id: ref('Uuid'), name: { type: 'string' } })),
    active: { type: 'boolean', description: 'Members see only active, unarchived products' },
    archivedAt: nullable(ref('Timestamp')),
    createdAt: ref('Timestamp'),
    updatedAt: ref('Timestamp'),
  }),
  AdminOrder: object({
    id: ref('Uuid'),
    status,
    total: money,
    items: {
      type: 'array',
      items: object({
        product: object({ id: ref('Uuid'), name: { type: 'string' } }),
        quantity: { type: 'integer', minimum: 1, maximum: 99 },
        unitPrice: money,
        lineTotal: money,
      }),
    },
    buyer: object({ id: ref('Uuid'), username: { type: 'string' } }),
    createdAt: ref('Timestamp'),
    updatedAt: ref('Timestamp'),
  }),
}

export const adminShopPaths: Record<string, Record<string, Operation>> = {
  '/admin/products': {
    post: operation({
      tags,
      operationId: 'createProduct',
      summary: 'Add a product to the shop (leaders only)',
      description:
        '`stock` null is unlimited. Pictures are uploaded from the admin pages. Audited as `product.created`.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(createProductValidator), {
        name: 'Corps hoodie',
        description: 'Warm, **black**, embroidered.',
        price: '45.00',
        stock: 20,
      }),
      responses: {
        ...success('The product', ref('AdminProduct'), { status: 201 }),
        ...failure(422),
      },
    }),
  },
  '/admin/products/{id}': {
    put: operation({
      tags,
      operationId: 'updateProduct',
      summary: 'Change a product (leaders only)',
      description:
        'Only the fields sent change. Audited as `product.updated` with before and after.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The product’s id')],
      requestBody: jsonBody(fromValidator(updateProductValidator), { price: '39.00', stock: 12 }),
      responses: {
        ...success('The product', ref('AdminProduct')),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/admin/orders': {
    get: operation({
      tags,
      operationId: 'listAllOrders',
      summary: 'Every member’s orders, newest first (leaders only)',
      security: bearer('read'),
      parameters: [query('status', status, 'Only orders in this status'), ...pagination(20)],
      responses: {
        ...success(
          'A page of orders',
          { type: 'array', items: ref('AdminOrder') },
          {
            paginated: true,
          }
        ),
        ...failure(422),
      },
    }),
  },
  '/admin/orders/{id}/status': {
    put: operation({
      tags,
      operationId: 'changeOrderStatus',
      summary: 'Move an order on, or cancel it (leaders only)',
      description:
        'One step at a time: PLACED → CONFIRMED → SHIPPED → DELIVERED. CANCELLED (while PLACED or CONFIRMED) refunds the buyer and restocks, once. Any other change is 409 `INVALID_TRANSITION`. The buyer is told. Audited as `order.status_changed` or `order.cancelled`.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The order’s id')],
      requestBody: jsonBody(fromValidator(orderStatusValidator), { status: 'CONFIRMED' }),
      responses: {
        ...success('The order', ref('AdminOrder')),
        ...failure(404),
        ...failure(409, ['INVALID_TRANSITION']),
        ...failure(422),
      },
    }),
  },
}
