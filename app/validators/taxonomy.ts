import vine from '@vinejs/vine'
import { tagName } from '#validators/bounty'
import { uuid } from '#validators/rules/uuid'
import { text } from '#validators/rules/text'

const hexColor = () =>
  vine
    .string()
    .trim()
    .regex(/^#[0-9A-Fa-f]{6}$/)
    .toUpperCase()

/**
 * Renaming and recolouring a tag (I5); only what is sent changes.
 */
export const updateTagValidator = vine.create({
  name: tagName().optional(),
  color: hexColor().optional(),
})

/**
 * Merging `sourceId` into `targetId` (I5).
 */
export const mergeTagsValidator = vine.create({
  sourceId: uuid(),
  targetId: uuid(),
})

const categoryName = () => text().minLength(2).maxLength(60)
const position = () => vine.number().withoutDecimals().min(0).max(10000)

export const createCategoryValidator = vine.create({
  name: categoryName(),
  description: text().maxLength(500).nullable().optional(),
  position: position().optional(),
})

export const updateCategoryValidator = vine.create({
  name: categoryName().optional(),
  description: text().maxLength(500).nullable().optional(),
  position: position().optional(),
})

const messages: Record<string, string> = {
  'color.regex': 'Colour: a hex colour such as #3B82F6',
  'name.regex': 'Name: letters, digits, spaces and . + # _ - only',
  'sourceId.uuid': 'Choose the tag to merge',
  'targetId.uuid': 'Choose the tag to merge it into',
  'sourceId.required': 'Choose the tag to merge',
  'targetId.required': 'Choose the tag to merge it into',
}

for (const validator of [updateTagValidator, mergeTagsValidator]) {
  validator.messagesProvider = {
    getMessage(message, rule, field, args) {
      return (
        messages[`${field.name}.${rule}`] ??
        vine.messagesProvider.getMessage(message, rule, field, args)
      )
    },
  }
}
