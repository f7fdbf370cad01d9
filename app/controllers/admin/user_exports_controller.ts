import type { HttpContext } from '@adonisjs/core/http'
import ExportUsers from '#actions/admin/export_users'
import UserPolicy from '#policies/user_policy'
import { MEMBER_FILTER_KEYS, memberFiltersValidator } from '#validators/admin'
import { filterQuery } from '#validators/rules/filter_query'
import { streamCsv } from '#services/csv'

/**
 * The members list as CSV, with its current filters and order (I2). Filters
 * that are not valid go back to the list, which names them.
 */
export default class UserExportsController {
  async show({ request, response, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const query = filterQuery(request.qs(), MEMBER_FILTER_KEYS)
    const [error, filters] = await memberFiltersValidator.tryValidate(query)
    if (error) return response.redirect().toRoute('admin.users.index', {}, { qs: query })
    const filename = `corps-members-${new Date().toISOString().slice(0, 10)}.csv`
    streamCsv(response, filename, ExportUsers.handle(filters))
  }
}
