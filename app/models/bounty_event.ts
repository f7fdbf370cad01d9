import { BountyEventSchema } from '#database/schema'
import { belongsTo, column, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
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
   * Events on live bounties `member` posted or took a slot on, with the
   * bounty's title (`$extras.bounty_title`) for a link.
   */
  static concerning = scope<
    typeof BountyEvent,
    (query: ModelQueryBuilderContract<typeof BountyEvent>, member: User) => void
  >((query, member) => {
    query
      .join('bounties', 'bounties.id', 'bounty_events.bounty_id')
      .select('bounty_events.*', 'bounties.title as bounty_title')
      .whereNull('bounties.deleted_at')
      .where((mine) =>
        mine
          .where('bounties.created_by', member.id)
          .orWhereExists((claims) =>
            claims
              .from('bounty_claims')
              .whereColumn('bounty_claims.bounty_id', 'bounties.id')
              .where('bounty_claims.user_id', member.id)
          )
      )
  })

  /**
   * The latest events concerning `member`, newest first, with their actor:
   * the dashboard's recent activity (the page takes the first few, the API
   * pages through them).
   */
  static recentFor(member: User) {
    return this.query()
      .withScopes((scopes) => scopes.concerning(member))
      .preload('actor')
      .orderBy('bounty_events.id', 'desc')
  }

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
