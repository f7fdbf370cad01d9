import type { HttpContext } from '@adonisjs/core/http'
import Badge from '#models/badge'
import BadgePolicy from '#policies/badge_policy'
import GrantBadge from '#actions/badges/grant_badge'
import RevokeBadge from '#actions/badges/revoke_badge'
import { grantBadgeValidator } from '#validators/badge'

/**
 * Granting an admin-defined badge to a member by hand (store) and taking
 * it back (destroy), E2 and I5.
 */
export default class BadgeGrantsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badge = await Badge.findOrFail(params.id)
    const { username } = await request.validateUsing(grantBadgeValidator)
    const member = await GrantBadge.handle(
      { user: auth.getUserOrFail(), ip: request.ip() },
      badge,
      username
    )
    session.flash('success', `@${member.username} now holds “${badge.name}” and has been told.`)
    return response.redirect().toRoute('admin.badges.show', { id: badge.id })
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badge = await Badge.findOrFail(params.id)
    const actor = { user: auth.getUserOrFail(), ip: request.ip() }
    const username = await RevokeBadge.handle(actor, badge, params.userId)
    session.flash('success', `“${badge.name}” taken back from @${username}.`)
    return response.redirect().toRoute('admin.badges.show', { id: badge.id })
  }
}
