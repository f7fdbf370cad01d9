import vine from '@vinejs/vine'
import { pagination } from '#validators/rules/pagination'
import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPES, WATCH_LEVELS } from '#enums/notification'
import { uuid } from '#validators/rules/uuid'

/**
 * The notification centre's filters (page and API alike).
 */
export const notificationFiltersValidator = vine.create({
  unread: vine.boolean().optional(),
  type: vine.enum(NOTIFICATION_TYPES).optional(),
  ...pagination(),
})

/**
 * Channels per type (D3); types left out keep their current channel.
 */
export const updateNotificationPreferencesValidator = vine.create({
  preferences: vine.object(
    Object.fromEntries(
      NOTIFICATION_TYPES.map((type) => [type, vine.enum(NOTIFICATION_CHANNELS).optional()])
    )
  ),
})

/**
 * The preferences page names its fields `preferences[bounty:claimed]`: the
 * form body parser would read the dot of `bounty.claimed` as a path. This
 * puts the type names back, as the API sends them.
 */
export function preferencesFromForm(input: unknown) {
  if (input === null || typeof input !== 'object') return {}
  return Object.fromEntries(
    Object.entries(input).map(([field, channel]) => [field.replace(':', '.'), channel])
  )
}

export const updateWatchLevelValidator = vine.create({
  level: vine.enum(WATCH_LEVELS),
})

/**
 * The preferences page sets a tag's level by id from one form.
 */
export const updateTagWatchValidator = vine.create({
  tagId: uuid(),
  level: vine.enum(WATCH_LEVELS),
})
