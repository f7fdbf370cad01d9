import vine from '@vinejs/vine'
import { pagination } from '#validators/rules/pagination'
import { DateTime } from 'luxon'
import { BOUNTY_PRIORITIES, BOUNTY_SORTS, BOUNTY_STATUSES } from '#enums/bounty'
import { money } from '#validators/rules/money'
import { ATTACHMENT_TYPES } from '#models/attachment'
import User from '#models/user'
import { uuid, uuidList } from '#validators/rules/uuid'
import { text } from '#validators/rules/text'
import { formMessages } from '#validators/rules/form_messages'

const MAX_SUBMISSION_FILES = 10

/**
 * Bounty input for pages and the API alike (the API contract's "Bounties"). The
 * inferred types flow into the actions.
 */

/**
 * A deadline is a future moment, written as ISO-8601 ("2026-05-01T17:00Z",
 * "2026-05-01T17:00" read as UTC, or "2026-05-01" meaning the end of that
 * day UTC), at most five years ahead.
 */
const futureMoment = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    const moment = parseMoment(value)
    if (!moment) {
      field.report('Enter a date and time like 2026-05-01T17:00:00Z', 'deadline.format', field)
    } else if (moment <= DateTime.utc()) {
      field.report('The deadline must be in the future', 'deadline.future', field)
    } else if (moment > DateTime.utc().plus({ years: 5 })) {
      field.report('The deadline must be within five years', 'deadline.max', field)
    }
  },
  {
    name: 'futureMoment',
    toJSONSchema: (schema) => {
      Object.assign(schema, { format: 'date-time', description: 'A future ISO-8601 time (UTC)' })
    },
  }
)

/**
 * ISO-8601 with an offset that exists: at most ±14:00 (Kiribati), minutes
 * below 60. Luxon alone reads "+99:99" as a four-day shift.
 */
const MOMENT =
  /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]((0\d|1[0-3]):?[0-5]\d|14:?00))?)?$/

function parseMoment(value: string) {
  if (!MOMENT.test(value)) return null
  const dateOnly = value.length === 10
  const moment = DateTime.fromISO(value, { zone: 'utc' })
  if (!moment.isValid) return null
  return dateOnly ? moment.endOf('day') : moment
}

const deadline = () =>
  vine
    .string()
    .trim()
    .maxLength(40)
    .use(futureMoment())
    .transform((value) => parseMoment(value)!)

/**
 * Tag names as members type them ("TypeScript", "ui-design", "c++").
 */
const TAG_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .+#_-]*$/u
const MAX_TAGS = 10

export const tagName = () => vine.string().trim().minLength(1).maxLength(30).regex(TAG_NAME)

/**
 * Tags typed into one form field, separated by commas ("ui, TypeScript").
 */
const tagListRule = vine.createRule((value, _options, field) => {
  if (typeof value !== 'string') return
  const names = splitTags(value)
  const invalid = names.find((name) => name.length > 30 || !TAG_NAME.test(name))
  if (invalid) {
    field.report(
      `“${invalid}” is not a tag: use letters, digits, spaces and . + # _ - (at most 30 characters)`,
      'tags.name',
      field
    )
  } else if (names.length > MAX_TAGS) {
    field.report(`Use at most ${MAX_TAGS} tags`, 'tags.max', field)
  }
})

function splitTags(value: string) {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
}

/**
 * An empty field (null from the body parser) means "no tags", so clearing
 * the field on the edit form removes them.
 */
const tagList = () =>
  vine
    .string()
    .parse((value) => value ?? '')
    .trim()
    .maxLength(400)
    .use(tagListRule())
    .transform(splitTags)

/**
 * A category by slug. A retired one (I5) is refused for a new bounty and
 * accepted on an edit, where it is the category the bounty already has.
 */
const categorySlug = (options: { offeredOnly?: boolean } = {}) =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(60)
    .exists((db, value) => {
      const query = db.from('categories').where('slug', value)
      if (options.offeredOnly) query.whereNull('retired_at')
      return query.first().then(Boolean)
    })

const fields = {
  title: text().minLength(3).maxLength(200),
  description: text().minLength(1).maxLength(20000),
  bountyAmount: money(),
  estimatedHours: vine.number().withoutDecimals().min(1).max(10000),
  priority: vine.enum(BOUNTY_PRIORITIES),
  tags: vine.array(tagName()).maxLength(MAX_TAGS),
  maxCompletions: vine.number().withoutDecimals().min(1).max(100),
  claimWindowDays: vine.number().withoutDecimals().min(1).max(90),
  teamId: uuid(),
  draft: vine.boolean(),
}

export const createBountyValidator = vine.create({
  title: fields.title,
  description: fields.description,
  bountyAmount: fields.bountyAmount,
  estimatedHours: fields.estimatedHours.clone().nullable().optional(),
  deadline: deadline().nullable().optional(),
  priority: fields.priority.clone().optional(),
  tags: fields.tags.clone().optional(),
  category: categorySlug({ offeredOnly: true }).nullable().optional(),
  maxCompletions: fields.maxCompletions.clone().optional(),
  claimWindowDays: fields.claimWindowDays.clone().optional(),
  teamId: fields.teamId.clone().nullable().optional(),
  draft: fields.draft.clone().optional(),
})

/**
 * Only the fields sent change; `null` clears an optional one. `draft:
 * false` publishes a draft (and escrows its reward).
 */
export const updateBountyValidator = vine.create({
  title: fields.title.clone().optional(),
  description: fields.description.clone().optional(),
  bountyAmount: money().optional(),
  estimatedHours: fields.estimatedHours.clone().nullable().optional(),
  deadline: deadline().nullable().optional(),
  priority: fields.priority.clone().optional(),
  tags: fields.tags.clone().optional(),
  category: categorySlug().nullable().optional(),
  maxCompletions: fields.maxCompletions.clone().optional(),
  claimWindowDays: fields.claimWindowDays.clone().optional(),
  teamId: fields.teamId.clone().nullable().optional(),
  draft: fields.draft.clone().optional(),
})

/**
 * The bounty form of the pages, for posting and editing alike: the API's
 * fields with tags typed in one comma-separated field. A form sends every
 * field, so the required ones stay required when editing, and an emptied
 * optional field clears it.
 */
export const bountyFormValidator = vine.create({
  title: fields.title.clone(),
  description: fields.description.clone(),
  bountyAmount: money(),
  estimatedHours: fields.estimatedHours.clone().nullable().optional(),
  deadline: deadline().nullable().optional(),
  priority: fields.priority.clone().optional(),
  tags: tagList(),
  category: categorySlug().nullable().optional(),
  maxCompletions: fields.maxCompletions.clone().optional(),
  claimWindowDays: fields.claimWindowDays.clone().optional(),
  teamId: fields.teamId.clone().nullable().optional(),
  draft: fields.draft.clone().optional(),
})

/**
 * The board (B5) as query-string filters; unknown values are refused
 * rather than silently ignored.
 */
const boardFilterFields = () => ({
  status: vine.enum(BOUNTY_STATUSES).optional(),
  priority: vine.enum(BOUNTY_PRIORITIES).optional(),
  tag: tagName().optional(),
  category: vine.string().trim().toLowerCase().maxLength(60).optional(),
  teamId: uuid().optional(),
  q: vine.string().trim().minLength(1).maxLength(200).optional(),
  minAmount: money().optional(),
  maxAmount: money().optional(),
  deadlineBefore: vine.date({ formats: ['YYYY-MM-DD', 'iso8601'] }).optional(),
  deadlineAfter: vine.date({ formats: ['YYYY-MM-DD', 'iso8601'] }).optional(),
  draft: vine.boolean().optional(),
  sort: vine.enum(BOUNTY_SORTS).optional(),
  ...pagination(),
})

export const boardFiltersValidator = vine.create(boardFilterFields())

const memberName = () =>
  vine
    .string()
    .parse((value) => (typeof value === 'string' ? value.trim().replace(/^@/, '') : value))
    .toLowerCase()
    .minLength(1)
    .maxLength(20)

/**
 * The admin bounty list (I3): the board's filters plus who posted it and
 * who works on it, by username.
 */
export const ADMIN_BOUNTY_FILTER_KEYS = [
  'q',
  'status',
  'priority',
  'tag',
  'category',
  'teamId',
  'creator',
  'assignee',
  'minAmount',
  'maxAmount',
  'deadlineAfter',
  'deadlineBefore',
  'sort',
  'page',
] as const

export const adminBountyFiltersValidator = vine.create({
  ...boardFilterFields(),
  creator: memberName().optional(),
  assignee: memberName().optional(),
})

/**
 * No `userId`: the caller claims the bounty for themselves.
 */
export const assignBountyValidator = vine.create({
  userId: uuid().optional(),
})

/**
 * The assign form of the bounty page names the member by username.
 */
export const assignBountyFormValidator = vine.create({
  username: vine
    .string()
    .parse((value) => (typeof value === 'string' ? value.trim().replace(/^@/, '') : value))
    .toLowerCase()
    .maxLength(20)
    .exists((_db, value) =>
      User.query()
        .withScopes((scopes) => scopes.named(value))
        .whereNull('deleted_at')
        .where('is_active', true)
        .first()
        .then(Boolean)
    ),
})

export const submitWorkValidator = vine.create({
  note: text().minLength(1).maxLength(10000),
  attachmentIds: uuidList().maxLength(10).distinct().optional(),
})

/**
 * `userId` names whose work is reviewed when several members of a
 * multi-slot bounty await review; otherwise it may be left out.
 */
export const approveWorkValidator = vine.create({
  userId: uuid().optional(),
})

/**
 * Work delivered from the bounty page: the note and the files themselves
 * (the API uploads files first and names them by id).
 */
export const submitWorkFormValidator = vine.create({
  note: text().minLength(1).maxLength(10000),
  files: vine
    .array(vine.file({ size: '10mb', extnames: Object.keys(ATTACHMENT_TYPES) }))
    .maxLength(MAX_SUBMISSION_FILES)
    .optional(),
})

export const requestChangesValidator = vine.create({
  reason: text().minLength(3).maxLength(2000),
  userId: uuid().optional(),
})

export const cancelBountyValidator = vine.create({
  reason: text().maxLength(500).optional(),
})

bountyFormValidator.messagesProvider = formMessages(
  {
    bountyAmount: 'reward',
    estimatedHours: 'estimated hours',
    maxCompletions: 'slots',
    claimWindowDays: 'claim window',
  },
  { 'category.database.exists': 'Choose one of the listed categories' }
)

/**
 * The board page's wording for `boardFiltersValidator` (the API keeps the
 * field names it documents): pass it when validating.
 */
export const boardFilterMessages = formMessages(
  {
    q: 'search',
    teamId: 'team',
    minAmount: 'minimum reward',
    maxAmount: 'maximum reward',
    deadlineAfter: 'due after',
    deadlineBefore: 'due before',
  },
  {
    'deadlineAfter.date': 'Due after: enter a date like 2026-05-01',
    'deadlineBefore.date': 'Due before: enter a date like 2026-05-01',
  }
)

const FILE_MESSAGES = {
  'file.extname': 'Attach images, PDF, text or ZIP files',
  'file.size': 'Files can be at most 10 MB',
}

submitWorkFormValidator.messagesProvider = formMessages(
  {},
  Object.fromEntries(
    Object.entries(FILE_MESSAGES).map(([rule, message]) => [`files.*.${rule}`, message])
  )
)

/**
 * The wording of the page's upload form for `uploadAttachmentValidator`.
 */
export const uploadFormMessages = formMessages(
  {},
  Object.fromEntries(
    Object.entries(FILE_MESSAGES).map(([rule, message]) => [`file.${rule}`, message])
  )
)

assignBountyFormValidator.messagesProvider = formMessages(
  {},
  { 'username.database.exists': 'No active member goes by that username' }
)
