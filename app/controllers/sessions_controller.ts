import type { HttpContext } from '@adonisjs/core/http'
import AuthenticateUser from '#actions/auth/authenticate_user'
import { PENDING_TWO_FACTOR_KEY } from '#controllers/two_factor_challenges_controller'
import { loginValidator } from '#validators/auth'

/**
 * Signing in (create/store) and out (destroy) of a browser session.
 */
export default class SessionsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/login')
  }

  async store({ request, auth, session, response }: HttpContext) {
    const { uid, password, remember = false } = await request.validateUsing(loginValidator)
    const user = await AuthenticateUser.handle({ uid, password, ip: request.ip() })
    if (user.hasTwoFactorEnabled) {
      session.put(PENDING_TWO_FACTOR_KEY, { userId: user.id, remember, startedAt: Date.now() })
      return response.redirect().toRoute('two_factor_challenge.create')
    }
    await auth.use('web').login(user, remember)
    await session.tag(user.id)
    return response.redirect().toIntendedRoute('home')
  }

  async destroy({ auth, session, response }: HttpContext) {
    await auth.use('web').logout()
    session.regenerate()
    session.flash('success', 'You have signed out. See you soon!')
    return response.redirect().toRoute('session.create')
  }
}
