import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import { searchUsersValidator } from '#validators/user'
import { serialize } from '#transformers/envelope'
import UserSearchTransformer from '#transformers/user_search_transformer'

/**
 * GET /users/search for the pages' scripts (the invite form's username
 * suggestions): the API's search and answer, with the session's member.
 */
export default class UserSearchesController {
  async index({ auth, request }: HttpContext) {
    const { q, page = 1, limit = 8 } = await request.validateUsing(searchUsersValidator)
    const viewer = auth.use('web').getUserOrFail()
    const found = await User.search(viewer, q, page, limit)
    await User.showNamesTo(viewer, found.all())
    return serialize(UserSearchTransformer.paginate(found.all(), found.getMeta()))
  }
}
