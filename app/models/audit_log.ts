import { AuditLogSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'
import type { AuditFilters } from '#validators/admin'
import type { KeysetPosition } from '#services/csv'
import db from '@adonisjs/lucid/services/db'

/**
 * Who did something on behalf of Corps, and from where: the person acting
 * and their IP address, given by the controller that received the request.
 */
export type AuditActor = { user: User; ip: string | null }

/**
 * An append-only record of an admin or money action (I6).
 */
export default class AuditLog extends AuditLogSchema {
  @column()
  declare data: Record<string, unknown>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  /**
   * Written in the caller's transaction, so the record exists exactly when
   * the action it describes does.
   */
  static record(
    actor: AuditActor,
    entry: {
      action: string
      subject: { type: string; id: string }
      data?: Record<string, unknown>
    },
    client: QueryClientContract
  ) {
    return AuditLog.create(
      {
        actorId: actor.user.id,
        action: entry.action,
        subjectType: entry.subject.type,
        subjectId: entry.subject.id,
        data: entry.data ?? {},
        ip: actor.ip,
      },
      { client }
    )
  }

  /**
   * A change to one record, as the admin sections audit it: what it was
   * before (null when created) and after (null when deleted).
   */
  static recordChange(
    actor: AuditActor,
    action: string,
    subject: { type: string; id: string },
    change: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
    client: QueryClientContract
  ) {
    return AuditLog.record(actor, { action, subject, data: change }, client)
  }

  /**
   * The audit log page and API (I6), newest first, narrowed by actor
   * (username), action, subject and a date range whose `to` day is included.
   * Each filter is served by an index of migration 0202. `after` resumes
   * the list past an entry (the export's keyset batches, keyed by
   * `searchKey`).
   */
  static search(
    filters: Omit<AuditFilters, 'page' | 'limit'>,
    after: KeysetPosition | null = null
  ) {
    const query = AuditLog.query().preload('actor')
    if (filters.actor) {
      query.whereIn(
        'actor_id',
        User.query()
          .select('id')
          .withScopes((s) => s.named(filters.actor!))
      )
    }
    if (filters.action) query.where('action', filters.action)
    if (filters.subjectType) query.where('subject_type', filters.subjectType)
    if (filters.subjectId) query.where('subject_id', filters.subjectId.toLowerCase())
    if (filters.from) query.where('created_at', '>=', startOfDay(filters.from, 0))
    if (filters.to) query.where('created_at', '<', startOfDay(filters.to, 1))
    if (after?.key) {
      query.whereRaw('(created_at, id) < (?::timestamptz, ?::uuid)', [after.key, after.id])
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  }

  /**
   * An entry's time as PostgreSQL writes it (a JavaScript Date would drop
   * the microseconds), selected as `$extras.search_key`.
   */
  static searchKey() {
    return db.raw('created_at::text AS search_key')
  }

  /**
   * The latest entries about one subject (a member's page).
   */
  static about(type: string, id: string, limit = 10) {
    return AuditLog.query()
      .preload('actor')
      .where('subject_type', type)
      .where('subject_id', id)
      .orderBy('created_at', 'desc')
      .limit(limit)
  }

  /**
   * The page of what the entry is about, where Corps has one.
   */
  get subjectRoute(): { name: string; params: Record<string, string> } | null {
    if (!this.subjectId) return null
    if (this.subjectType === 'user')
      return { name: 'admin.users.show', params: { id: this.subjectId } }
    if (this.subjectType === 'bounty')
      return { name: 'bounties.show', params: { id: this.subjectId } }
    return null
  }

  /**
   * What changed, for people: `before` then `after` when the action recorded
   * them, then the rest of the data as it was written; a flat object reads
   * as `key: value` lines.
   */
  get changes(): { label: string; value: string }[] {
    const rank = (label: string) => ['before', 'after'].indexOf(label) + 1 || 3
    return Object.entries(this.data ?? {})
      .sort(([left], [right]) => rank(left) - rank(right))
      .map(([label, value]) => ({ label, value: readable(value) }))
  }
}

/**
 * Midnight UTC of `date` plus `days`.
 */
function startOfDay(date: Date, days: number) {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate() + days))
}

function readable(value: unknown): string {
  if (typeof value === 'string') return value
  const flat =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => item === null || typeof item !== 'object')
  if (!flat) return JSON.stringify(value, null, 1)
  return Object.entries(value as Record<string, unknown>)
    .map(([key, item]) => `${key}: ${String(item)}`)
    .join('\n')
}
