import vine from '@vinejs/vine'
import type { MessagesProviderContact } from '@vinejs/vine/types'

/**
 * The app's messages (start/validator.ts) for a page form: fields named as
 * its labels name them ("The reward field is required"), and messages of
 * its own where the generic one would not help.
 */
export function formMessages(
  names: Record<string, string>,
  messages: Record<string, string> = {}
): MessagesProviderContact {
  return {
    getMessage(message, rule, field, args) {
      const own = messages[`${field.wildCardPath}.${rule}`] ?? messages[`${field.name}.${rule}`]
      if (own) return own
      const name = names[field.name]
      const named = name ? Object.create(field, { name: { value: name } }) : field
      return vine.messagesProvider.getMessage(message, rule, named, args)
    },
  }
}
