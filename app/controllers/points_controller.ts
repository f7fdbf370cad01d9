import type { HttpContext } from '@adonisjs/core/http'
import { BOUNTY_PRIORITIES, BOUNTY_PRIORITY_LABELS } from '#enums/bounty'
import Badge from '#models/badge'
import { POINTS_BY_PRIORITY, pointsForLevel } from '#gamification/points'
import { STREAK_BADGE_WEEKS } from '#gamification/badges'

const LEVELS_SHOWN = 10

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
      badges: await Badge.catalogue(),
      streakBadgeWeeks: STREAK_BADGE_WEEKS,
    })
  }
}
