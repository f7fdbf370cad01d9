import type { HttpContext } from '@adonisjs/core/http'
import VerifyEmail from '#actions/auth/verify_email'
import { verifyEmailValidator } from '#validators/api/auth'
import { serialize } from '#transformers/envelope'

export default class EmailVerificationsController {
  async show({ request }: HttpContext) {
    const { token } = await request.validateUsing(verifyEmailValidator, { data: request.qs() })
    await VerifyEmail.handle(token)
    return serialize(null, { message: 'Your email address is verified.' })
  }
}
