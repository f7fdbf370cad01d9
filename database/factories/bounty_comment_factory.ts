import factory from '@adonisjs/lucid/factories'
import BountyComment from '#models/bounty_comment'
import { renderMarkdown } from '#services/markdown'
import { UserFactory } from '#database/factories/user_factory'
import { BountyFactory } from '#database/factories/bounty_factory'
import { BountyMentionFactory } from '#database/factories/bounty_mention_factory'
import { AttachmentFactory } from '#database/factories/attachment_factory'

/**
 * A fresh verified member's markdown comment on a new published bounty
 * unless `bountyId` / `userId` are given; `contentHtml` is rendered from it
 * as AddComment does.
 */
export const BountyCommentFactory = factory
  .define(BountyComment, ({ faker }) => ({
    content: `${faker.lorem.sentence()} *${faker.lorem.word()}*`,
  }))
  .relation('mentions', () => BountyMentionFactory)
  .relation('attachments', () => AttachmentFactory)
  .after('make', (_, comment) => {
    comment.contentHtml = renderMarkdown(comment.content)
  })
  .before('create', async (_, comment, { $trx }) => {
    const trx = $trx!
    if (!comment.bountyId) {
      const bounty = await BountyFactory.client(trx).apply('available').create()
      comment.bountyId = bounty.id
    }
    if (!comment.userId) {
      const author = await UserFactory.client(trx).apply('verified').create()
      comment.userId = author.id
    }
  })
  .build()
