import type { HttpContext } from '@adonisjs/core/http'
import VerifyEmail from '#actions/auth/verify_email'
import SendEmailVerification from '#actions/auth/send_email_verification'
import { DomainError } from '#exceptions/domain_error'
import { verifyEmailValidator } from '#validators/auth'

export default class EmailVerificationsController {
  /**
   * The link from the verification mail.
   */
  async show({ request, session, response, view }: HttpContext) {
    const { token } = await request.validateUsing(verifyEmailValidator, { data: request.qs() })
    const user = await VerifyEmail.handle(token).catch((error) => {
      if (error instanceof DomainError) return null
      throw error
    })
    if (!user) return response.status(400).send(await view.render('pages/auth/verification_failed'))
    session.flash('success', 'Thanks, your email address is confirmed. You are all set!')
    return response.redirect().toRoute('home')
  }

  /**
   * Sends a fresh link to the signed-in member.
   */
  async store({ auth, session, response }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    await SendEmailVerification.handle(user)
    session.flash(
      'success',
      user.isVerified
        ? 'Your email address is already confirmed.'
        : `We sent a new link to ${user.email}.`
    )
    return response.redirect().back()
  }
}
