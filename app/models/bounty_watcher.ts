import db from '@adonisjs/lucid/services/db'
import { BountyWatcherSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Bounty from '#models/bounty'
import type User from '#models/user'
import type { StoredWatchLevel, WatchLevel } from '#enums/notification'

/**
 * A member's watch level on one bounty (K10): `watching` (every event) or
 * `muted` (none); no row is `normal`. Keyed by (bounty, user), so rows are
 * written through `setLevel`, never `save()`.
 */
export default class BountyWatcher extends BountyWatcherSchema {
  static table = 'bounty_watchers'

  @column()
  declare level: StoredWatchLevel

  @belongsTo(() => Bounty)
  declare bounty: BelongsTo<typeof Bounty>

  /**
   * The member's levels on bounties they may still see, newest first.
   */
  static ofUser(user: User) {
    return BountyWatcher.query()
      .where('user_id', user.id)
      .whereHas('bounty', (bounties) => bounties.withScopes((scopes) => scopes.visibleTo(user)))
      .preload('bounty')
      .orderBy('created_at', 'desc')
  }

  static async levelOf(userId: string, bountyId: string): Promise<WatchLevel> {
    const row = await BountyWatcher.query()
      .where('user_id', userId)
      .where('bounty_id', bountyId)
      .first()
    return row?.level ?? 'normal'
  }

  /**
   * Members with a stored level on a bounty, by level.
   */
  static async levelsOn(bountyId: string, client: QueryClientContract = db.connection()) {
    const rows = await BountyWatcher.query({ client }).where('bounty_id', bountyId)
    return new Map(rows.map((row) => [row.userId, row.level]))
  }

  static async setLevel(userId: string, bountyId: string, level: WatchLevel) {
    if (level === 'normal') {
      await db.from(BountyWatcher.table).where({ user_id: userId, bounty_id: bountyId }).delete()
      return
    }
    await db
      .knexQuery()
      .table(BountyWatcher.table)
      .insert({ user_id: userId, bounty_id: bountyId, level })
      .onConflict(['bounty_id', 'user_id'])
      .merge(['level'])
  }
}
