import vine from '@vinejs/vine'
import type { Database } from '@adonisjs/lucid/database'
import { TRANSACTION_STATUSES, TRANSACTION_TYPES } from '#enums/transaction'
import { money } from '#validators/rules/money'
import { uuid } from '#validators/rules/uuid'
import { text } from '#validators/rules/text'

/**
 * Wallet history filters (page and API alike); unknown values are refused
 * rather than silently ignored.
 */
export const transactionFiltersValidator = vine.create({
  type: vine.enum(TRANSACTION_TYPES).optional(),
  status: vine.enum(TRANSACTION_STATUSES).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})

export const requestWithdrawalValidator = vine.create({
  amount: money(),
})

/**
 * A member who could receive money: exists and was not deleted.
 */
async function isMember(db: Database, column: 'id' | 'username', value: string) {
  const row = await db.from('users').where(column, value).whereNull('deleted_at').first()
  return Boolean(row)
}

const notSelf = vine.createRule((value, _options, field) => {
  const me = field.meta as { userId: string; username: string }
  if (value === me.userId || value === me.username.toLowerCase()) {
    field.report('You cannot tip yourself', 'notSelf', field)
  }
})

/**
 * The recipient by id (API clients, who get a 404 for an unknown id) or by
 * username (the form, which shows an unknown name next to the field).
 * Tipping yourself is refused here; who may be tipped at all is
 * WalletPolicy's call.
 */
export const sendTipValidator = vine.withMetaData<{ userId: string; username: string }>().create({
  toUserId: uuid().use(notSelf()).optional().requiredIfMissing('toUsername'),
  toUsername: vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(50)
    .exists((db, value) => isMember(db, 'username', value))
    .use(notSelf())
    .optional(),
  amount: money(),
  message: text().maxLength(280).optional(),
  /**
   * The bounty the tip thanks someone for (K4), if any.
   */
  bountyId: uuid().optional(),
})

/**
 * The member to credit by id (API) or username (the treasury form).
 */
export const depositValidator = vine.create({
  userId: uuid()
    .exists((db, value) => isMember(db, 'id', value))
    .optional()
    .requiredIfMissing('username'),
  username: vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(50)
    .exists((db, value) => isMember(db, 'username', value))
    .optional(),
  amount: money(),
  description: text().minLength(3).maxLength(500),
})

export const withdrawalFiltersValidator = vine.create({
  status: vine.enum(TRANSACTION_STATUSES).optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})

export const rejectWithdrawalValidator = vine.create({
  reason: text().minLength(3).maxLength(500),
})
