import type { HttpContext } from '@adonisjs/core/http'
import SetActivation from '#actions/admin/set_activation'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { activationFormValidator } from '#validators/admin'

/**
 * Deactivate (every session and token ends at once) or reactivate a member.
 */
export default class UserActivationsController {
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('changeActivation', member)
    const { active } = await request.validateUsing(activationFormValidator)
    const actor = { user: auth.use('web').getUserOrFail(), ip: request.ip() }
    await SetActivation.handle(actor, member, active)
    session.flash(
      'success',
      `@${member.username} was ${active ? 'reactivated' : 'deactivated and signed out everywhere'}.`
    )
    return response.redirect().toRoute('admin.users.show', { id: member.id })
  }
}
