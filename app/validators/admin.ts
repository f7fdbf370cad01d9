import vine from '@vinejs/vine'
import { USER_ROLES } from '#enums/user_role'

export const MEMBER_SORTS = ['newest', 'username', 'last_sign_in'] as const
export type MemberSort = (typeof MEMBER_SORTS)[number]

const page = () => vine.number().withoutDecimals().min(1).max(100_000).optional()
const limit = () => vine.number().withoutDecimals().min(1).max(100).optional()
const date = () => vine.date({ formats: ['YYYY-MM-DD'] })

/**
 * The members list (I2), page and API alike: search, filters, sort, page.
 */
export const memberFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  role: vine.enum(USER_ROLES).optional(),
  active: vine.boolean().optional(),
  verified: vine.boolean().optional(),
  sort: vine.enum(MEMBER_SORTS).optional(),
  page: page(),
  limit: limit(),
})

/**
 * The query string fields the members list filters by, which its export
 * carries too.
 */
export const MEMBER_FILTER_KEYS = ['q', 'role', 'active', 'verified', 'sort']

export type MemberFilters = Awaited<ReturnType<typeof memberFiltersValidator.validate>>

export const changeRoleValidator = vine.create({
  role: vine.enum(USER_ROLES),
})

export const activationValidator = vine.create({
  active: vine.boolean({ strict: true }),
})

/**
 * The page's activation form sends "true" or "false" from a hidden field.
 */
export const activationFormValidator = vine.create({
  active: vine.boolean(),
})

/**
 * The audit log (I6): who, what, about what, when. `to` is inclusive.
 */
export const auditFiltersValidator = vine.create({
  actor: vine.string().trim().toLowerCase().maxLength(50).optional(),
  action: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[a-z_.]+$/)
    .optional(),
  subjectType: vine
    .string()
    .trim()
    .maxLength(64)
    .regex(/^[a-z_]+$/)
    .optional(),
  subjectId: vine.string().trim().maxLength(64).optional(),
  from: date().optional(),
  to: date().afterOrSameAs('from').optional(),
  page: page(),
  limit: limit(),
})

export const AUDIT_FILTER_KEYS = ['actor', 'action', 'subjectType', 'subjectId', 'from', 'to']

export type AuditFilters = Awaited<ReturnType<typeof auditFiltersValidator.validate>>
