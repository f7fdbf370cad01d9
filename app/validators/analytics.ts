import vine from '@vinejs/vine'
import { uuid } from '#validators/rules/uuid'
import { TRENDS_MAX_WEEKS } from '#validators/check_in'
import { BOUNTY_TRENDS_MAX_WEEKS } from '#actions/analytics/bounty_trends'

/**
 * Query input of the analytics API and page (H2, issue 19): how many weeks,
 * this one included, and which team.
 */
const checkInWeeks = () => vine.number().withoutDecimals().range([1, TRENDS_MAX_WEEKS])

export const analyticsWeeksValidator = vine.create({ weeks: checkInWeeks().optional() })

export const comparisonValidator = vine.create({
  teamId: uuid(),
  weeks: checkInWeeks().optional(),
})

export const insightsValidator = vine.create({ teamId: uuid() })

export const bountyTrendsValidator = vine.create({
  weeks: vine.number().withoutDecimals().range([1, BOUNTY_TRENDS_MAX_WEEKS]).optional(),
})

/**
 * The analytics page: a range for every chart, and the team whose
 * check-ins it shows (the member's first team otherwise).
 */
export const analyticsPageValidator = vine.create({
  weeks: vine.number().withoutDecimals().range([1, BOUNTY_TRENDS_MAX_WEEKS]).optional(),
  teamId: uuid().optional(),
})
