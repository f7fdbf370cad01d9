import { AuditLogSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import User from '#models/user'

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
}
