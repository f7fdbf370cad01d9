import { BountyCommentSchema } from '#database/schema'
import { belongsTo, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import Attachment from '#models/attachment'
import Bounty from '#models/bounty'
import BountyMention from '#models/bounty_mention'
import User from '#models/user'

/**
 * A markdown comment on a bounty (B6); `contentHtml` is its sanitised
 * rendering, the only form ever put on a page.
 */
export default class BountyComment extends BountyCommentSchema {
  @belongsTo(() => Bounty)
  declare bounty: BelongsTo<typeof Bounty>

  @belongsTo(() => User)
  declare author: BelongsTo<typeof User>

  @hasMany(() => BountyMention, { foreignKey: 'commentId' })
  declare mentions: HasMany<typeof BountyMention>

  @hasMany(() => Attachment, { foreignKey: 'commentId' })
  declare attachments: HasMany<typeof Attachment>

  isWrittenBy(user: { id: string }) {
    return this.userId === user.id
  }
}
