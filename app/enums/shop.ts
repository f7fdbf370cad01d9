/**
 * An order's life (G2): PLACED at checkout, then CONFIRMED, SHIPPED and
 * DELIVERED by a Leader; CANCELLED (refunded and restocked) by its buyer
 * while PLACED or by a Leader before it ships.
 */
export const ORDER_STATUSES = ['PLACED', 'CONFIRMED', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  PLACED: 'Placed',
  CONFIRMED: 'Confirmed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
}

/**
 * The forward steps a Leader sets. Cancelling is not among them: it moves
 * money back, so it has its own action and its own rule (below).
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PLACED: ['CONFIRMED'],
  CONFIRMED: ['SHIPPED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
}

/**
 * Who may still cancel an order in each status: its buyer only while
 * nobody has looked at it, a Leader until it ships.
 */
export const BUYER_CANCELLABLE: readonly OrderStatus[] = ['PLACED']
export const ADMIN_CANCELLABLE: readonly OrderStatus[] = ['PLACED', 'CONFIRMED']

export function canTransition(from: OrderStatus, to: OrderStatus) {
  return ORDER_TRANSITIONS[from].includes(to)
}

/**
 * How the shop's products can be ordered for members (newest first by
 * default).
 */
export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc'] as const
export type ProductSort = (typeof PRODUCT_SORTS)[number]

export const PRODUCT_SORT_LABELS: Record<ProductSort, string> = {
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
}

/**
 * Most of one product a cart line (and so an order line) may hold.
 */
export const MAX_LINE_QUANTITY = 99
