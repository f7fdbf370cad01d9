import type { HttpContext } from '@adonisjs/core/http'
import UserToken from '#models/user_token'
import RequestPasswordReset from '#actions/auth/request_password_reset'
import ResetPassword from '#actions/auth/reset_password'
import { forgotPasswordValidator, resetPasswordValidator } from '#validators/auth'

/**
 * Forgot password (create/store) and the mailed link (edit/update).
 */
export default class PasswordResetsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/forgot_password')
  }

  async store({ request, session, response }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await RequestPasswordReset.handle(email)
    session.flash(
      'success',
      `If an account uses ${email}, a link to reset its password is on its way. It works for one hour.`
    )
    return response.redirect().toRoute('password_reset.create')
  }

  async edit({ params, view }: HttpContext) {
    const usable = await UserToken.usable('password_reset', String(params.token)).first()
    return view.render('pages/auth/reset_password', { token: params.token, usable: !!usable })
  }

  /**
   * Whatever this browser was signed in as, it starts over signed out:
   * the reset ended every session of the account.
   */
  async update({ params, request, session, response }: HttpContext) {
    const { password } = await request.validateUsing(resetPasswordValidator)
    await ResetPassword.handle({ token: String(params.token), password, ip: request.ip() })
    session.clear()
    session.regenerate()
    session.flash('success', 'Your password has been changed. Sign in with your new password.')
    return response.redirect().toRoute('session.create')
  }
}
