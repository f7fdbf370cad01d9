import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { memberFiltersValidator } from '#validators/admin'
import { serialize } from '#transformers/envelope'
import AdminUserTransformer from '#transformers/admin_user_transformer'

/**
 * GET /admin/users?q=&role=&active=&verified=&sort=&page=: the members list (I2).
 */
export default class UsersController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const { page = 1, limit = 20, ...filters } = await request.validateUsing(memberFiltersValidator)
    const members = await User.directory(filters).paginate(page, limit)
    return serialize(AdminUserTransformer.paginate(members.all(), members.getMeta()))
  }
}
