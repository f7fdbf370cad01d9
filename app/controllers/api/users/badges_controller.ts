import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import Badges from '#gamification/badges'
import { serialize } from '#transformers/envelope'
import BadgeTransformer from '#transformers/badge_transformer'

export default class BadgesController {
  /**
   * Badges belong to the profile: shown to whoever may see the profile (A5).
   */
  async index({ params, bouncer }: HttpContext) {
    const owner = await User.query().where('id', params.id).whereNull('deleted_at').firstOrFail()
    await owner.loadProfileAndSettings()
    await bouncer.with(UserPolicy).authorize('viewProfile', owner)
    return serialize(BadgeTransformer.transform(await Badges.of(owner.id)))
  }
}
