import vine from '@vinejs/vine'
import { PROFILE_VISIBILITIES } from '#enums/profile'
import { timezone } from '#validators/rules/timezone'

/**
 * PUT /users/settings: only the keys sent change (the page form instead
 * treats an unticked, unsent checkbox as "off").
 */
export const apiUpdateSettingsValidator = vine.create({
  emailNotifications: vine.boolean({ strict: true }).optional(),
  pushNotifications: vine.boolean({ strict: true }).optional(),
  marketingEmails: vine.boolean({ strict: true }).optional(),
  profileVisibility: vine.enum(PROFILE_VISIBILITIES).optional(),
  leaderboardOptOut: vine.boolean({ strict: true }).optional(),
  timezone: timezone().optional(),
})
