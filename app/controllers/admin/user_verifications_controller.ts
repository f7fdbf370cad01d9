import type { HttpContext } from '@adonisjs/core/http'
import ResendVerification from '#actions/admin/resend_verification'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'

/**
 * Sends an unverified member a new verification link.
 */
export default class UserVerificationsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('resendVerification', member)
    await ResendVerification.handle(
      { user: auth.use('web').getUserOrFail(), ip: request.ip() },
      member
    )
    session.flash('success', `A new verification link is on its way to ${member.email}.`)
    return response.redirect().toRoute('admin.users.show', { id: member.id })
  }
}
