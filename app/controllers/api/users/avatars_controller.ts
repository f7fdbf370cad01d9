import type { HttpContext } from '@adonisjs/core/http'
import UpdateAvatar from '#actions/users/update_avatar'
import { updateAvatarValidator } from '#validators/user'
import { serialize } from '#transformers/envelope'
import UserTransformer from '#transformers/user_transformer'

export default class AvatarsController {
  async update({ auth, request }: HttpContext) {
    const { avatar } = await request.validateUsing(updateAvatarValidator)
    const user = await UpdateAvatar.handle(auth.use('api').getUserOrFail(), avatar)
    await user.loadProfileAndSettings()
    return serialize(UserTransformer.transform(user), { message: 'Avatar updated' })
  }
}
