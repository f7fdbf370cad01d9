import vine from '@vinejs/vine'
import { MAX_LINE_QUANTITY, PRODUCT_SORTS } from '#enums/shop'
import { uuid } from '#validators/rules/uuid'
import { pagination } from '#validators/rules/pagination'

/**
 * Shop input for pages and the API alike (the API contract's "Shop").
 */

const quantity = vine.number().withoutDecimals().min(1).max(MAX_LINE_QUANTITY)

/**
 * What members may ask of the product list: a category, words to find, an
 * order, a page.
 */
export const productFiltersValidator = vine.create({
  category: uuid().optional(),
  q: vine.string().trim().maxLength(100).optional(),
  sort: vine.enum(PRODUCT_SORTS).optional(),
  ...pagination(),
})

export const PRODUCT_FILTER_KEYS = ['category', 'q', 'sort', 'page'] as const

/**
 * Putting a product in the cart; a product already there gets the
 * quantity added (up to the line's limit).
 */
export const addToCartValidator = vine.create({
  productId: uuid(),
  quantity: quantity.clone().optional(),
})

export const updateCartItemValidator = vine.create({ quantity })
