import type { HttpContext } from '@adonisjs/core/http'
import Badge from '#models/badge'
import BadgePolicy from '#policies/badge_policy'
import SaveBadge from '#actions/badges/save_badge'
import {
  badgeHoldersValidator,
  createBadgeValidator,
  updateBadgeValidator,
} from '#validators/badge'

/**
 * The badge catalogue in the taxonomy section (E2, I5): every badge with
 * its criteria and holders, badges Leaders define, reword and delete.
 */
export default class BadgesController {
  async index({ view, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badges = await Badge.catalogueWithHolders()
    return view.render('pages/admin/badges/index', { badges })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const data = await request.validateUsing(createBadgeValidator)
    const badge = await SaveBadge.create({ user: auth.getUserOrFail(), ip: request.ip() }, data)
    session.flash('success', `Badge “${badge.name}” created: grant it from its page.`)
    return response.redirect().toRoute('admin.badges.show', { id: badge.id })
  }

  async show({ params, request, view, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badge = await Badge.findOrFail(params.id)
    const [, query] = await badgeHoldersValidator.tryValidate(request.qs())
    const holders = await badge.holders(query?.page ?? 1)
    holders.baseUrl(request.url())
    return view.render('pages/admin/badges/show', { badge, holders })
  }

  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badge = await Badge.findOrFail(params.id)
    const data = await request.validateUsing(updateBadgeValidator)
    const saved = await SaveBadge.update(
      { user: auth.getUserOrFail(), ip: request.ip() },
      badge,
      data
    )
    session.flash('success', `Badge “${saved.name}” saved.`)
    return response.redirect().toRoute('admin.badges.show', { id: badge.id })
  }

  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    await bouncer.with(BadgePolicy).authorize('manage')
    const badge = await Badge.findOrFail(params.id)
    await SaveBadge.destroy({ user: auth.getUserOrFail(), ip: request.ip() }, badge)
    session.flash('success', `Badge “${badge.name}” deleted.`)
    return response.redirect().toRoute('admin.badges.index')
  }
}
