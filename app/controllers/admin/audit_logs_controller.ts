import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'
import AuditLogPolicy from '#policies/audit_log_policy'
import { AUDIT_FILTER_KEYS, auditFiltersValidator } from '#validators/admin'
import { filterQuery } from '#validators/rules/filter_query'

const PER_PAGE = 30

/**
 * The audit log (I6): every admin and money action, newest first.
 */
export default class AuditLogsController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(AuditLogPolicy).authorize('viewAny')
    const query = filterQuery(request.qs(), AUDIT_FILTER_KEYS)
    const [error, filters] = await auditFiltersValidator.tryValidate({
      ...query,
      page: request.qs().page,
    })
    const entries = await AuditLog.search(filters ?? {}).paginate(filters?.page ?? 1, PER_PAGE)
    entries.baseUrl(request.url()).queryString(query)
    return view.render('pages/admin/audit/index', {
      entries,
      query,
      filterErrors: error?.messages ?? [],
    })
  }
}
