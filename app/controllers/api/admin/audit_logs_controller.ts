import type { HttpContext } from '@adonisjs/core/http'
import AuditLog from '#models/audit_log'
import AuditLogPolicy from '#policies/audit_log_policy'
import { auditFiltersValidator } from '#validators/admin'
import { serialize } from '#transformers/envelope'
import AuditLogTransformer from '#transformers/audit_log_transformer'

/**
 * GET /admin/audit-log?actor=&action=&subjectType=&subjectId=&from=&to=&page= (I6).
 */
export default class AuditLogsController {
  async index({ request, bouncer }: HttpContext) {
    await bouncer.with(AuditLogPolicy).authorize('viewAny')
    const { page = 1, limit = 20, ...filters } = await request.validateUsing(auditFiltersValidator)
    const entries = await AuditLog.search(filters).paginate(page, limit)
    return serialize(AuditLogTransformer.paginate(entries.all(), entries.getMeta()))
  }
}
