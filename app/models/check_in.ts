import { CheckInSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Team from '#models/team'
import User from '#models/user'

/**
 * A member's weekly check-in in a team (F3): four scores 1–10 and a note.
 * `score` (productive + satisfied + body − care) is computed by the
 * database; one per member, team and week, enforced by a unique index.
 */
export default class CheckIn extends CheckInSchema {
  @belongsTo(() => Team)
  declare team: BelongsTo<typeof Team>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>
}
