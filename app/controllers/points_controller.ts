import type { HttpContext } from '@adonisjs/core/http'
import { BOUNTY_PRIORITIES, BOUNTY_PRIORITY_LABELS } from '#enums/bounty'
import Badge from '#models/badge'
import Money from '#ledger/money'
import { POINTS_BY_PRIORITY, pointsForCompletion, pointsForLevel } from '#gamification/points'
import { STREAK_BADGE_WEEKS } from '#gamification/badges'

const LEVELS_SHOWN = 10

/** The worked example under the rule, computed by the rule itself. */
const EXAMPLE = { priority: 'HIGH', payout: Money.parse('40.50') } as const

/**
 * "How points work" (E1–E3): the rule, levels and badges read from the code
 * and catalogue that apply them, so the page cannot drift from them.
 */
export default class PointsController {
  async show({ view }: HttpContext) {
    return view.render('pages/points/show', {
      priorities: BOUNTY_PRIORITIES.map((priority) => ({
        label: BOUNTY_PRIORITY_LABELS[priority],
        points: POINTS_BY_PRIORITY[priority],
      })),
      levels: Array.from({ length: LEVELS_SHOWN }, (_, index) => ({
        level: index + 1,
        from: pointsForLevel(index + 1),
      })),
      example: workedExample(),
      badges: await Badge.catalogue(),
      streakBadgeWeeks: STREAK_BADGE_WEEKS,
    })
  }
}

function workedExample() {
  const base = POINTS_BY_PRIORITY[EXAMPLE.priority]
  const points = pointsForCompletion(EXAMPLE.priority, EXAMPLE.payout)
  return { ...EXAMPLE, base, fromPayout: points - base, points }
}
