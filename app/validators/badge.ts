import vine from '@vinejs/vine'
import { text } from '#validators/rules/text'

const badgeName = () => text().minLength(2).maxLength(60)
/**
 * The criteria members are shown: what earns the badge.
 */
const criteria = () => text().minLength(5).maxLength(300)

/**
 * An admin-defined badge (E2, I5). The code names the badge in the API and
 * in notifications, so it is chosen once, here.
 */
export const createBadgeValidator = vine.create({
  code: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  name: badgeName(),
  description: criteria(),
})

/**
 * Renaming or rewording any badge, automatic ones included; only what is
 * sent changes.
 */
export const updateBadgeValidator = vine.create({
  name: badgeName().optional(),
  description: criteria().optional(),
})

/**
 * The member a badge is granted to, by username (any case).
 */
export const grantBadgeValidator = vine.create({
  username: vine.string().trim().minLength(1).maxLength(50),
})

createBadgeValidator.messagesProvider = {
  getMessage(message, rule, field, args) {
    if (field.name === 'code' && rule === 'regex') {
      return 'Code: 2 to 40 lower-case letters, digits or _, starting with a letter'
    }
    return vine.messagesProvider.getMessage(message, rule, field, args)
  },
}

/**
 * The page of a badge's holders; a page that is not a page shows the first.
 */
export const badgeHoldersValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
})
