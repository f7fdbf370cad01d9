import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import { type BaseModel, afterDelete, afterSave, beforeSave } from '@adonisjs/lucid/orm'
import type { LucidRow } from '@adonisjs/lucid/types/model'
import LiveAccess from '#services/live_access'

/**
 * Columns a bounty's visibility rule reads: a change to one may close its
 * live channel to some of its followers.
 */
const VISIBILITY_COLUMNS = ['teamId', 'isDraft', 'deletedAt'] as const

/**
 * A bounty's live channel followers are re-checked once a change to who may
 * see it commits (made team-only, hidden, deleted), whichever code path made
 * it (see LiveAccess).
 */
export function withLiveFollowers<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class WithLiveFollowers extends superclass {
    @beforeSave()
    static noteVisibilityChange(row: LucidRow) {
      const changed = VISIBILITY_COLUMNS.some((name) => row.$dirty[name] !== undefined)
      if (row.$isPersisted && changed) row.$extras.visibilityChanged = true
    }

    @afterSave()
    static recheckFollowersAfterSave(row: LucidRow) {
      if (!row.$extras.visibilityChanged) return
      delete row.$extras.visibilityChanged
      LiveAccess.bountyChanged(String(row.$primaryKeyValue), row.$trx)
    }

    @afterDelete()
    static recheckFollowersAfterDelete(row: LucidRow) {
      LiveAccess.bountyChanged(String(row.$primaryKeyValue), row.$trx)
    }
  }
  return WithLiveFollowers
}
