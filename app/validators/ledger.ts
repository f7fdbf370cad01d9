import vine from '@vinejs/vine'

export const LEDGER_ENTRY_KINDS = ['TRANSFER', 'HOLD', 'CAPTURE', 'RELEASE'] as const

export const LEDGER_FILTER_KEYS = ['account', 'member', 'kind', 'from', 'to', 'before'] as const

/**
 * The ledger explorer's filters (I4). `account` is an account id or a
 * system account's code (`treasury`); `before` is the keyset cursor: the
 * entries listed are older than that entry id.
 */
export const ledgerFiltersValidator = vine.create({
  account: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^(\d{1,18}|[a-z][a-z0-9_]*)$/)
    .optional(),
  member: vine
    .string()
    .parse((value) => (typeof value === 'string' ? value.trim().replace(/^@/, '') : value))
    .toLowerCase()
    .minLength(1)
    .maxLength(20)
    .optional(),
  kind: vine.enum(LEDGER_ENTRY_KINDS).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrSameAs('from')
    .optional(),
  before: vine
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
})

ledgerFiltersValidator.messagesProvider = {
  getMessage(message, rule, field, args) {
    const own: Record<string, string> = {
      'account.regex': 'Account: enter an account number or a code such as treasury',
      'from.date': 'From: enter a date like 2026-05-01',
      'to.date': 'To: enter a date like 2026-05-01',
      'to.afterOrSameAs': 'To: the end date comes on or after the start date',
      'before.regex': 'The page link is not valid: start from the newest entries',
      'kind.enum': 'Kind: choose one of the listed kinds',
    }
    return (
      own[`${field.name}.${rule}`] ?? vine.messagesProvider.getMessage(message, rule, field, args)
    )
  },
}
