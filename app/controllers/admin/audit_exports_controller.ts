import type { HttpContext } from '@adonisjs/core/http'
import ExportAuditLogs from '#actions/admin/export_audit_logs'
import AuditLogPolicy from '#policies/audit_log_policy'
import { AUDIT_FILTER_KEYS, auditFiltersValidator } from '#validators/admin'
import { filterQuery } from '#validators/rules/filter_query'
import { streamCsv } from '#services/csv'

/**
 * The audit log as CSV, with the page's current filters (I6). Filters that
 * are not valid go back to the page, which names them.
 */
export default class AuditExportsController {
  async show({ request, response, bouncer }: HttpContext) {
    await bouncer.with(AuditLogPolicy).authorize('viewAny')
    const query = filterQuery(request.qs(), AUDIT_FILTER_KEYS)
    const [error, filters] = await auditFiltersValidator.tryValidate(query)
    if (error) return response.redirect().toRoute('admin.audit.index', {}, { qs: query })
    const filename = `corps-audit-${new Date().toISOString().slice(0, 10)}.csv`
    streamCsv(response, filename, ExportAuditLogs.handle(filters))
  }
}
