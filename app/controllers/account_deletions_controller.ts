import type { HttpContext } from '@adonisjs/core/http'
import DeleteAccount from '#actions/users/delete_account'
import { confirmPasswordValidator } from '#validators/user'

/**
 * Settings → Danger zone (A7).
 */
export default class AccountDeletionsController {
  async create({ auth, view }: HttpContext) {
    return view.render('pages/settings/danger_zone', { user: auth.use('web').getUserOrFail() })
  }

  async store({ auth, request, session, response }: HttpContext) {
    const { password } = await request.validateUsing(confirmPasswordValidator)
    await DeleteAccount.handle(auth.use('web').getUserOrFail(), password)
    await auth.use('web').logout()
    session.regenerate()
    session.flash('success', 'Your account has been deleted. Thank you for being part of Corps.')
    return response.redirect().toRoute('home')
  }
}
