import vine from '@vinejs/vine'

/**
 * Which page of a list, and how many to a page (the API's `limit`), the same
 * for every list of the pages and the API.
 */
export function pagination() {
  return {
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
    limit: vine.number().withoutDecimals().min(1).max(100).optional(),
  }
}

/**
 * A list that takes nothing but its page (teams, members, invitations,
 * orders, comments, events, check-ins, recent activity).
 */
export const listPageValidator = vine.create(pagination())
