import type { HttpContext } from '@adonisjs/core/http'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import { forgotPasswordValidator } from '#validators/auth'
import { serialize } from '#transformers/envelope'

/**
 * "Forgot password": the same answer whether or not the address has an
 * account, so the endpoint cannot be used to find members.
 */
export default class PasswordResetRequestsController {
  async store({ request }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await RequestPasswordReset.handle(email)
    return serialize(null, {
      message:
        'If an account uses this address, a reset link is on its way. It works for one hour.',
    })
  }
}
