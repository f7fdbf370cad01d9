import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import Badges from '#gamification/badges'
import MemberTotals from '#gamification/member_totals'
import { levelFor } from '#gamification/points'

/**
 * A member's profile as others see it, at /u/:username (A5), with their
 * level and badges (E1, E2).
 */
export default class PublicProfilesController {
  async show({ params, auth, bouncer, view, response }: HttpContext) {
    const owner = await User.query()
      .withScopes((scopes) => scopes.named(String(params.username)))
      .whereNull('deleted_at')
      .firstOrFail()
    await owner.loadProfileAndSettings()
    const decision = await bouncer.with(UserPolicy).execute('viewProfile', owner)
    if (!decision.authorized) {
      response.status(403)
      return view.render('pages/profiles/hidden', { owner, reason: decision.message })
    }
    const [badges, points] = await Promise.all([
      Badges.of(owner.id),
      MemberTotals.pointsOf(owner.id),
      User.showNamesTo(auth.user ?? null, [owner]),
    ])
    return view.render('pages/profiles/show', {
      owner,
      isOwner: auth.user?.id === owner.id,
      badges,
      level: levelFor(points),
    })
  }
}
