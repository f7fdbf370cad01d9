import vine from '@vinejs/vine'

/**
 * GET /dashboard/recent-activity: a page of the member's latest events.
 */
export const recentActivityValidator = vine.create({
  page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  limit: vine.number().withoutDecimals().min(1).max(100).optional(),
})
