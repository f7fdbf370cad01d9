import { BaseTransformer } from '@adonisjs/core/transformers'
import type AuditLog from '#models/audit_log'

/**
 * An audit log entry (I6). Needs `actor` loaded; an entry written by the
 * system has no actor.
 */
export default class AuditLogTransformer extends BaseTransformer<AuditLog> {
  toObject() {
    const entry = this.resource
    return {
      id: entry.id,
      actor: entry.actor ? { id: entry.actor.id, username: entry.actor.username } : null,
      action: entry.action,
      subjectType: entry.subjectType ?? null,
      subjectId: entry.subjectId ?? null,
      data: entry.data ?? {},
      createdAt: entry.createdAt.toUTC().toISO()!,
    }
  }
}
