import type { HttpContext } from '@adonisjs/core/http'
import UserSession from '#models/user_session'

export default class OtherSessionsController {
  /**
   * Signs out every browser but this one, remember-me included.
   */
  async destroy({ auth, session, response }: HttpContext) {
    await UserSession.endAllOf(auth.use('web').getUserOrFail().id, { exceptId: session.sessionId })
    session.flash('success', 'Every other session has been signed out.')
    return response.redirect().toRoute('user_sessions.index')
  }
}
