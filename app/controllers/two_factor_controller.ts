import type { HttpContext } from '@adonisjs/core/http'
import StartTwoFactorSetup from '#actions/users/start_two_factor_setup'
import EnableTwoFactor from '#actions/users/enable_two_factor'
import DisableTwoFactor from '#actions/users/disable_two_factor'
import { twoFactor } from '#services/two_factor'
import { confirmPasswordValidator, enableTwoFactorValidator } from '#validators/user'

/**
 * Settings → Security: two-factor sign-in with an authenticator app (A6).
 */
export default class TwoFactorController {
  async show({ auth, view }: HttpContext) {
    const user = await auth.use('web').getUserOrFail().loadProfileAndSettings()
    const pendingSecret =
      !user.hasTwoFactorEnabled && user.twoFactorSecret
        ? twoFactor.decryptSecret(user.twoFactorSecret)
        : null
    const setup = pendingSecret ? await twoFactor.provisioning(pendingSecret, user.email) : null
    return view.render('pages/settings/security', { user, setup })
  }

  async store({ auth, response }: HttpContext) {
    await StartTwoFactorSetup.handle(auth.use('web').getUserOrFail())
    return response.redirect().toRoute('two_factor.show')
  }

  /**
   * Confirms the setup and shows the recovery codes, once: they are in this
   * response only, never stored in plain text or in the session.
   */
  async update({ auth, request, response, view }: HttpContext) {
    const { code } = await request.validateUsing(enableTwoFactorValidator)
    const codes = await EnableTwoFactor.handle(auth.use('web').getUserOrFail(), code)
    response.header('Cache-Control', 'no-store')
    return view.render('pages/settings/recovery_codes', { codes, justEnabled: true })
  }

  async destroy({ auth, request, session, response }: HttpContext) {
    const { password } = await request.validateUsing(confirmPasswordValidator)
    await DisableTwoFactor.handle(auth.use('web').getUserOrFail(), password)
    session.flash('success', 'Two-factor authentication is off.')
    return response.redirect().toRoute('two_factor.show')
  }
}
