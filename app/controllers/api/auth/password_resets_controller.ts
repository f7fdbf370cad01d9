import type { HttpContext } from '@adonisjs/core/http'
import ResetPassword from '#actions/auth/reset_password'
import { apiResetPasswordValidator } from '#validators/api/auth'
import { serialize } from '#transformers/envelope'

export default class PasswordResetsController {
  async store({ request }: HttpContext) {
    const data = await request.validateUsing(apiResetPasswordValidator)
    await ResetPassword.handle({ ...data, ip: request.ip() })
    return serialize(null, {
      message:
        'Your password was changed and every session and token was signed out. Sign in again.',
    })
  }
}
