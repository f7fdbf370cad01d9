import vine from '@vinejs/vine'
import { ORDER_STATUSES } from '#enums/shop'
import { money } from '#validators/rules/money'
import { text } from '#validators/rules/text'
import { uuid, uuidList } from '#validators/rules/uuid'

/**
 * The admin side of the shop (G1–G2): the catalogue Leaders keep and the
 * orders they fulfil. Pages and the API share these fields.
 */
export const PRODUCT_STATES = ['active', 'inactive', 'archived'] as const
export type ProductState = (typeof PRODUCT_STATES)[number]

export const PRODUCT_STATE_LABELS: Record<ProductState, string> = {
  active: 'On sale',
  inactive: 'Hidden',
  archived: 'Archived',
}

export const MAX_STOCK = 1_000_000
export const MAX_IMAGE_SIZE = '5mb'
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif']

const page = () => vine.number().withoutDecimals().min(1).max(100_000).optional()
const limit = () => vine.number().withoutDecimals().min(1).max(100).optional()
const count = () => vine.number().withoutDecimals().min(0).max(MAX_STOCK)

const shopCategoryId = () =>
  uuid().exists((db, value) => db.from('shop_categories').where('id', value).first().then(Boolean))

const productFields = {
  name: text().minLength(2).maxLength(120),
  description: vine.string().trim().maxLength(10_000),
  price: money(),
  lowStockThreshold: count().nullable(),
  categoryId: shopCategoryId().nullable(),
}

/**
 * POST /admin/products: `stock` null is unlimited stock.
 */
export const createProductValidator = vine.create({
  ...productFields,
  stock: count().nullable(),
  lowStockThreshold: productFields.lowStockThreshold.clone().optional(),
  categoryId: productFields.categoryId.clone().optional(),
  active: vine.boolean({ strict: true }).optional(),
})

/**
 * PUT /admin/products/:id: only what is sent changes.
 */
export const updateProductValidator = vine.create({
  name: productFields.name.clone().optional(),
  description: productFields.description.clone().optional(),
  price: money().optional(),
  stock: count().nullable().optional(),
  lowStockThreshold: productFields.lowStockThreshold.clone().optional(),
  categoryId: productFields.categoryId.clone().optional(),
  active: vine.boolean({ strict: true }).optional(),
})

/**
 * The product form (new and edit): the stock is a number unless
 * "unlimited" is chosen, an unticked box is not sent (so it means "no"),
 * and blank optional numbers mean "none".
 */
export const productFormValidator = vine.create({
  ...productFields,
  description: productFields.description.clone().optional(),
  stockMode: vine.enum(['limited', 'unlimited'] as const),
  stock: count().optional().requiredWhen('stockMode', '=', 'limited'),
  lowStockThreshold: count().optional(),
  categoryId: shopCategoryId().optional(),
  active: vine.boolean().parse((value) => value ?? false),
  image: vine.file({ size: MAX_IMAGE_SIZE, extnames: IMAGE_EXTENSIONS }).optional(),
  removeImage: vine.boolean().parse((value) => value ?? false),
})
productFormValidator.messagesProvider = {
  getMessage(message, rule, field, args) {
    const own: Record<string, string> = {
      'stock.required': 'Enter how many are in stock, or choose unlimited',
      'image.file.extname': 'The image must be a JPEG, PNG, WebP or GIF',
      'image.file.size': 'The image must be 5 MB or smaller',
      'categoryId.database.exists': 'Choose a category from the list',
    }
    return (
      own[`${field.name}.${rule}`] ?? vine.messagesProvider.getMessage(message, rule, field, args)
    )
  },
}

export type ProductForm = Awaited<ReturnType<typeof productFormValidator.validate>>

/**
 * The products list: search by name, a category, on sale / hidden /
 * archived (archived ones show only when asked for).
 */
export const productFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  categoryId: uuid().optional(),
  state: vine.enum(PRODUCT_STATES).optional(),
  lowStock: vine.boolean().optional(),
  page: page(),
})
export const PRODUCT_FILTER_KEYS = ['q', 'categoryId', 'state', 'lowStock'] as const
export type ProductFilters = Partial<Awaited<ReturnType<typeof productFiltersValidator.validate>>>

const categoryName = () => text().minLength(2).maxLength(60)
const position = () => vine.number().withoutDecimals().min(0).max(10_000)

export const createShopCategoryValidator = vine.create({
  name: categoryName(),
  position: position().optional(),
})

export const updateShopCategoryValidator = vine.create({
  name: categoryName().optional(),
  position: position().optional(),
})

/**
 * The orders list (page and GET /admin/orders): by status, newest first.
 */
export const orderFiltersValidator = vine.create({
  status: vine.enum(ORDER_STATUSES).optional(),
  page: page(),
  limit: limit(),
})

/**
 * PUT /admin/orders/:id/status: a step forward, or CANCELLED.
 */
export const orderStatusValidator = vine.create({
  status: vine.enum(ORDER_STATUSES),
})

/**
 * The orders page's bulk change: the ticked orders and the status for all.
 */
export const bulkOrderStatusValidator = vine.create({
  orderIds: uuidList().minLength(1).maxLength(100),
  status: vine.enum(ORDER_STATUSES),
})
bulkOrderStatusValidator.messagesProvider = {
  getMessage(message, rule, field, args) {
    if (field.name === 'orderIds') return 'Tick at least one order (at most 100)'
    return vine.messagesProvider.getMessage(message, rule, field, args)
  },
}

/**
 * The form's fields as the catalogue stores them.
 */
export function productFromForm(form: ProductForm) {
  return {
    data: {
      name: form.name,
      description: form.description ?? '',
      price: form.price,
      stock: form.stockMode === 'unlimited' ? null : (form.stock ?? 0),
      lowStockThreshold: form.lowStockThreshold ?? null,
      categoryId: form.categoryId ?? null,
      active: form.active,
    },
    image: { upload: form.image, remove: form.removeImage },
  }
}
