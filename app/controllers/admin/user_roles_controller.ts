import type { HttpContext } from '@adonisjs/core/http'
import ChangeRole from '#actions/admin/change_role'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { ROLE_LABELS } from '#enums/user_role'
import { changeRoleValidator } from '#validators/admin'

/**
 * A member's role (I2), changed from their admin page.
 */
export default class UserRolesController {
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('changeRole', member)
    const { role } = await request.validateUsing(changeRoleValidator)
    const actor = { user: auth.use('web').getUserOrFail(), ip: request.ip() }
    await ChangeRole.handle(actor, member, role)
    session.flash('success', `@${member.username} is now a ${ROLE_LABELS[role]}.`)
    return response.redirect().toRoute('admin.users.show', { id: member.id })
  }
}
