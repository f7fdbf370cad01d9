import { BountyEventSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type { BountyEventType } from '#enums/bounty'
import User from '#models/user'

/**
 * One line of a bounty's timeline (B7). `actorId` is null when the
 * scheduler did it (expiry, nudges).
 */
export default class BountyEvent extends BountyEventSchema {
  @column()
  declare type: BountyEventType

  @column()
  declare data: Record<string, unknown>

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>

  /**
   * Written in the caller's transaction: the event exists exactly when the
   * change it describes does.
   */
  static record(
    client: QueryClientContract,
    bountyId: string,
    type: BountyEventType,
    actor: { id: string } | null,
    data: Record<string, unknown> = {}
  ) {
    return BountyEvent.create({ bountyId, type, actorId: actor?.id ?? null, data }, { client })
  }
}
