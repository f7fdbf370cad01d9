import type { HttpContext } from '@adonisjs/core/http'
import ChangeEmail from '#actions/users/change_email'
import { updateEmailValidator } from '#validators/user'

export default class EmailsController {
  async update({ auth, request, session, response }: HttpContext) {
    const data = await request.validateUsing(updateEmailValidator)
    const user = await ChangeEmail.handle(auth.use('web').getUserOrFail(), data)
    session.flash(
      'success',
      user.isVerified
        ? 'That is already your email address.'
        : `Check ${user.email} for the link that confirms your new address.`
    )
    return response.redirect().toRoute('account.edit')
  }
}
