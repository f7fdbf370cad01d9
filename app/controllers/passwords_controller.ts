import type { HttpContext } from '@adonisjs/core/http'
import ChangePassword from '#actions/users/change_password'
import { updatePasswordValidator } from '#validators/user'

export default class PasswordsController {
  /**
   * Validation errors go back without the input: both fields are secrets.
   */
  async update({ auth, request, session, response }: HttpContext) {
    const [error, data] = await updatePasswordValidator.tryValidate(request.all())
    if (error) {
      session.flashValidationErrors(error, false)
      return response.redirect().toRoute('account.edit')
    }
    await ChangePassword.handle(auth.use('web').getUserOrFail(), data, session.sessionId)
    session.flash(
      'success',
      'Your password has been changed and your other sessions were signed out.'
    )
    return response.redirect().toRoute('account.edit')
  }
}
