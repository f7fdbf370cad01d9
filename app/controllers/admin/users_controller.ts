import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import MemberOverview from '#models/member_overview'
import UserPolicy from '#policies/user_policy'
import { USER_ROLES, ROLE_LABELS } from '#enums/user_role'
import { MEMBER_FILTER_KEYS, memberFiltersValidator } from '#validators/admin'
import { filterQuery } from '#validators/rules/filter_query'

const PER_PAGE = 25

/**
 * Members (I2): the searchable list and one member's page.
 */
export default class UsersController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(UserPolicy).authorize('viewAny')
    const query = filterQuery(request.qs(), MEMBER_FILTER_KEYS)
    const [error, filters] = await memberFiltersValidator.tryValidate({
      ...query,
      page: request.qs().page,
    })
    const members = await User.directory(filters ?? {}).paginate(filters?.page ?? 1, PER_PAGE)
    members.baseUrl(request.url()).queryString(query)
    return view.render('pages/admin/users/index', {
      members,
      query,
      filterErrors: error?.messages ?? [],
      roles: USER_ROLES,
      roleLabels: ROLE_LABELS,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    const member = await User.query().where('id', params.id).whereNull('deleted_at').firstOrFail()
    await bouncer.with(UserPolicy).authorize('view', member)
    const overview = await MemberOverview.of(member)
    return view.render('pages/admin/users/show', {
      ...overview,
      roles: USER_ROLES,
      roleLabels: ROLE_LABELS,
    })
  }
}
