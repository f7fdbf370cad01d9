import type { HttpContext } from '@adonisjs/core/http'
import UserSession from '#models/user_session'
import { DomainError } from '#exceptions/domain_error'

/**
 * Settings → Sessions: every browser signed in to the account (A4).
 */
export default class UserSessionsController {
  async index({ auth, session, view }: HttpContext) {
    const sessions = await UserSession.ofUser(auth.use('web').getUserOrFail().id)
    return view.render('pages/settings/sessions', { sessions, currentId: session.sessionId })
  }

  /**
   * Sessions are addressed by a digest of their id; the lookup only sees
   * the member's own sessions, and this one is ended by signing out.
   */
  async destroy({ auth, params, session, response }: HttpContext) {
    const sessions = await UserSession.ofUser(auth.use('web').getUserOrFail().id)
    const target = sessions.find(
      (item) => item.publicId === params.id && item.id !== session.sessionId
    )
    if (!target) throw new DomainError('NOT_FOUND', 'That session has already ended.')
    await target.revoke()
    session.flash('success', `Signed out ${target.device}.`)
    return response.redirect().toRoute('user_sessions.index')
  }
}
