import type { HttpContext } from '@adonisjs/core/http'
import ChangeRole from '#actions/admin/change_role'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { changeRoleValidator } from '#validators/admin'
import { serialize } from '#transformers/envelope'
import AdminUserTransformer from '#transformers/admin_user_transformer'

/**
 * PUT /admin/users/:id/role { role }.
 */
export default class UserRolesController {
  async update({ auth, params, request, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('changeRole', member)
    const { role } = await request.validateUsing(changeRoleValidator)
    const actor = { user: auth.use('api').getUserOrFail(), ip: request.ip() }
    return serialize(AdminUserTransformer.transform(await ChangeRole.handle(actor, member, role)))
  }
}
