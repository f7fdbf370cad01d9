import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import RegisterUser from '#actions/auth/register_user'
import { apiRegisterValidator } from '#validators/api/auth'
import { serialize } from '#transformers/envelope'
import AuthSessionTransformer from '#transformers/auth_session_transformer'

export default class RegistrationsController {
  async store({ request, response }: HttpContext) {
    const data = await request.validateUsing(apiRegisterValidator)
    const user = await RegisterUser.handle(data)
    const token = await User.accessTokens.create(user, ['*'], { name: 'API sign-in' })
    await user.loadProfileAndSettings()
    return response.created(
      await serialize(AuthSessionTransformer.transform({ user, token }), {
        message: 'Welcome to Corps. Check your inbox to verify your email address.',
      })
    )
  }
}
