import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { serialize } from '#transformers/envelope'
import PublicUserTransformer from '#transformers/public_user_transformer'

export default class PublicProfilesController {
  /**
   * Everyone sees the member's card; the policy decides whether the profile
   * behind it shows too (A5 visibility).
   */
  async show({ params, bouncer }: HttpContext) {
    const owner = await User.query().where('id', params.id).whereNull('deleted_at').firstOrFail()
    await owner.loadProfileAndSettings()
    const detailed = await bouncer.with(UserPolicy).allows('viewProfile', owner)
    return serialize(PublicUserTransformer.transform(owner, detailed))
  }
}
