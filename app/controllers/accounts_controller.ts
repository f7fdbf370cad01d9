import type { HttpContext } from '@adonisjs/core/http'

/**
 * Settings → Account: sign-in email, password and a copy of your data.
 */
export default class AccountsController {
  async edit({ auth, view }: HttpContext) {
    return view.render('pages/settings/account', { user: auth.use('web').getUserOrFail() })
  }
}
