import { DateTime } from 'luxon'
import factory from '@adonisjs/lucid/factories'
import BountyComment from '#models/bounty_comment'
import BountyMention from '#models/bounty_mention'
import { UserFactory } from '#database/factories/user_factory'
import { BountyCommentFactory } from '#database/factories/bounty_comment_factory'

/**
 * A fresh member named in a new comment (or `commentId`) by its author, not
 * notified yet. State: `notified`.
 */
export const BountyMentionFactory = factory
  .define(BountyMention, () => ({ notifiedAt: null }))
  .state('notified', (mention) => {
    mention.notifiedAt = DateTime.now()
  })
  .before('create', async (_, mention, { $trx }) => {
    const trx = $trx!
    if (!mention.commentId) {
      const created = await BountyCommentFactory.client(trx).create()
      mention.commentId = created.id
    }
    const comment = await BountyComment.findOrFail(mention.commentId, { client: trx })
    mention.bountyId = comment.bountyId
    mention.mentionedById = comment.userId
    if (!mention.userId) {
      const named = await UserFactory.client(trx).apply('verified').create()
      mention.userId = named.id
    }
  })
  .build()
