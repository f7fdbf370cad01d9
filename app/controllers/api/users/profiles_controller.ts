import type { HttpContext } from '@adonisjs/core/http'
import UpdateProfile from '#actions/users/update_profile'
import { updateProfileValidator } from '#validators/user'
import { serialize } from '#transformers/envelope'
import UserTransformer from '#transformers/user_transformer'

/**
 * The caller's own account and profile.
 */
export default class ProfilesController {
  async show({ auth }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    await user.loadProfileAndSettings()
    return serialize(UserTransformer.transform(user))
  }

  async update({ auth, request }: HttpContext) {
    const data = await request.validateUsing(updateProfileValidator)
    const user = await UpdateProfile.handle(auth.use('api').getUserOrFail(), data)
    return serialize(UserTransformer.transform(user), { message: 'Profile saved' })
  }
}
