import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { searchUsersValidator } from '#validators/user'
import { serialize } from '#transformers/envelope'
import UserSearchTransformer from '#transformers/user_search_transformer'

/**
 * GET /users/search: members by username, or by name where the caller may
 * see it (A5).
 */
export default class SearchesController {
  async index({ auth, request }: HttpContext) {
    const { q, page = 1, limit = 20 } = await request.validateUsing(searchUsersValidator)
    const viewer = auth.use('api').getUserOrFail()
    const found = await User.search(viewer, q, page, limit)
    await User.showNamesTo(viewer, found.all())
    return serialize(UserSearchTransformer.paginate(found.all(), found.getMeta()))
  }
}
