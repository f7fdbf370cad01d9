import { Exception } from '@adonisjs/core/exceptions'

/**
 * Business-rule refusals raised by actions and models (no HTTP inside the
 * domain). Pages turn them into a flash or form error; the API turns them
 * into its error envelope with `code` and `status`.
 *
 * `field` names the input the refusal is about, so a form can show it inline
 * and the API can list it in `error.details`.
 */
export type DomainErrorCode =
  | 'EMAIL_ALREADY_EXISTS'
  | 'USERNAME_TAKEN'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_INACTIVE'
  | 'EMAIL_NOT_VERIFIED'
  | 'INVALID_TOKEN'
  | 'TWO_FACTOR_REQUIRED'
  | 'INVALID_TWO_FACTOR_CODE'
  | 'INVALID_PASSWORD'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'ALREADY_CLAIMED'
  | 'INSUFFICIENT_FUNDS'
  | 'DUPLICATE_CHECKIN'
  | 'OUT_OF_STOCK'
  | 'TEAM_FULL'
  | 'ALREADY_MEMBER'
  | 'ALREADY_INVITED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'LAST_ADMIN'
  | 'PRODUCT_HAS_ORDERS'
  | 'NAME_TAKEN'

const STATUS: Record<DomainErrorCode, number> = {
  EMAIL_ALREADY_EXISTS: 409,
  USERNAME_TAKEN: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_INACTIVE: 403,
  EMAIL_NOT_VERIFIED: 403,
  INVALID_TOKEN: 400,
  TWO_FACTOR_REQUIRED: 401,
  INVALID_TWO_FACTOR_CODE: 401,
  INVALID_PASSWORD: 422,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  ALREADY_CLAIMED: 409,
  INSUFFICIENT_FUNDS: 409,
  DUPLICATE_CHECKIN: 409,
  OUT_OF_STOCK: 409,
  TEAM_FULL: 409,
  ALREADY_MEMBER: 409,
  ALREADY_INVITED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  LAST_ADMIN: 409,
  PRODUCT_HAS_ORDERS: 409,
  NAME_TAKEN: 409,
}

export class DomainError extends Exception {
  declare code: DomainErrorCode
  readonly field?: string
  readonly meta?: Record<string, unknown>

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { field?: string; meta?: Record<string, unknown> } = {}
  ) {
    super(message, { code, status: STATUS[code] })
    this.field = options.field
    this.meta = options.meta
  }
}
