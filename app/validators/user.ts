import vine, { SimpleMessagesProvider } from '@vinejs/vine'
import AwayPeriod from '#models/away_period'
import { EXPERIENCE_LEVELS, PROFILE_VISIBILITIES } from '#enums/profile'
import { newPasswordRule } from '#validators/auth'
import { text } from '#validators/rules/text'
import { timezone } from '#validators/rules/timezone'

const optionalText = (max: number) => text().maxLength(max).nullable().optional()
const handle = () =>
  vine
    .string()
    .trim()
    .maxLength(39)
    .regex(/^@?[A-Za-z0-9_.-]+$/)
    .transform((value) => (typeof value === 'string' ? value.replace(/^@/, '') : value))
    .nullable()
    .optional()
const link = () =>
  vine
    .string()
    .trim()
    .maxLength(255)
    .url({ require_protocol: true, protocols: ['http', 'https'] })
    .nullable()
    .optional()

/**
 * Absent fields stay as they are; empty ones (null) are cleared.
 */
export const updateProfileValidator = vine.create({
  firstName: optionalText(100),
  lastName: optionalText(100),
  bio: optionalText(1000),
  location: optionalText(100),
  website: link(),
  phone: vine
    .string()
    .trim()
    .maxLength(20)
    .regex(/^\+?[0-9 ().-]{5,20}$/)
    .nullable()
    .optional(),
  jobTitle: optionalText(100),
  company: optionalText(100),
  experienceLevel: vine.enum(EXPERIENCE_LEVELS).optional(),
  portfolioUrl: link(),
  githubUsername: handle(),
  linkedinUsername: handle(),
  twitterUsername: handle(),
})

export const updateAvatarValidator = vine.create({
  avatar: vine.file({ size: '2mb', extnames: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }),
})
updateAvatarValidator.messagesProvider = new SimpleMessagesProvider({
  'required': 'Choose an image to upload',
  'file': 'Choose an image to upload',
  'file.extname': 'The avatar must be a JPEG, PNG, WebP or GIF image',
  'file.size': 'The avatar must be 2 MB or smaller',
})

/**
 * The settings form: an unticked checkbox is not sent, and means "off".
 */
const checkbox = () => vine.boolean().parse((value) => value ?? false)

export const updateSettingsValidator = vine.create({
  emailNotifications: checkbox(),
  pushNotifications: checkbox(),
  marketingEmails: checkbox(),
  profileVisibility: vine.enum(PROFILE_VISIBILITIES),
  leaderboardOptOut: checkbox(),
  timezone: timezone().optional(),
})

export const updateEmailValidator = vine.create({
  email: vine.string().trim().toLowerCase().maxLength(255).email(),
  password: vine.string().maxLength(128),
})

export const updatePasswordValidator = vine.create({
  currentPassword: vine.string().maxLength(128),
  password: newPasswordRule(),
})

export const confirmPasswordValidator = vine.create({
  password: vine.string().maxLength(128),
})

export const enableTwoFactorValidator = vine.create({
  code: vine.string().trim().maxLength(20),
})

/**
 * GET /users/search: a part of a username or (visible) name.
 */
export const searchUsersValidator = vine.create({
  q: vine.string().trim().minLength(2).maxLength(50),
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})

/**
 * Away mode (K8): back on a day from tomorrow to four weeks from today (UTC).
 */
export const awayValidator = vine.create({
  until: vine
    .date({ formats: ['YYYY-MM-DD'] })
    .afterOrEqual(() => AwayPeriod.endChoices().earliest)
    .beforeOrEqual(() => AwayPeriod.endChoices().latest),
})
