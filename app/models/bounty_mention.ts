import { BountyMentionSchema } from '#database/schema'
import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import BountyComment from '#models/bounty_comment'
import User from '#models/user'

/**
 * A member named with `@username` in a comment, waiting to be notified
 * (`notifiedAt` stays null until a notification goes out).
 */
export default class BountyMention extends BountyMentionSchema {
  @belongsTo(() => BountyComment, { foreignKey: 'commentId' })
  declare comment: BelongsTo<typeof BountyComment>

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @belongsTo(() => User, { foreignKey: 'mentionedById' })
  declare mentionedBy: BelongsTo<typeof User>
}
