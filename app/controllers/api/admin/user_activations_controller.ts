import type { HttpContext } from '@adonisjs/core/http'
import SetActivation from '#actions/admin/set_activation'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { activationValidator } from '#validators/admin'
import { serialize } from '#transformers/envelope'
import AdminUserTransformer from '#transformers/admin_user_transformer'

/**
 * PUT /admin/users/:id/active { active }: deactivating ends the member's
 * sessions and API tokens at once.
 */
export default class UserActivationsController {
  async update({ auth, params, request, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('changeActivation', member)
    const { active } = await request.validateUsing(activationValidator)
    const actor = { user: auth.use('api').getUserOrFail(), ip: request.ip() }
    return serialize(
      AdminUserTransformer.transform(await SetActivation.handle(actor, member, active))
    )
  }
}
