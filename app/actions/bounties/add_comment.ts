import db from '@adonisjs/lucid/services/db'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import BountyEvent from '#models/bounty_event'
import BountyMention from '#models/bounty_mention'
import User from '#models/user'
import { extractMentions, renderMarkdown } from '#services/markdown'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'

/**
 * A member comments on a bounty (B6). The markdown is rendered and
 * sanitised once, here; every `@username` of a member who may see the
 * bounty is recorded as a mention for notifications. Commenting makes the
 * author a watcher and, for someone working on it, counts as activity on
 * their claim (K2).
 */
export default class AddComment {
  static async handle(author: User, bounty: Bounty, data: { content: string }) {
    return db.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const comment = await BountyComment.create(
        {
          bountyId: locked.id,
          userId: author.id,
          content: data.content,
          contentHtml: renderMarkdown(data.content),
        },
        { client: trx }
      )

      const mentioned = await mentionable(locked, author, extractMentions(data.content))
      await BountyMention.createMany(
        mentioned.map((user) => ({
          commentId: comment.id,
          bountyId: locked.id,
          userId: user.id,
          mentionedById: author.id,
        })),
        { client: trx }
      )

      const claim = locked.activeClaimOf(author)
      if (claim) {
        claim.touch()
        await claim.useTransaction(trx).save()
      }
      await locked.watch(author, trx)
      await AnnounceBountyEvent.handle(
        trx,
        locked,
        await BountyEvent.record(trx, locked.id, 'commented', author, {
          commentId: comment.id,
          mentions: mentioned.map((user) => user.username),
        })
      )

      comment.$setRelated('author', author)
      return comment
    })
  }
}

async function mentionable(bounty: Bounty, author: User, usernames: string[]) {
  if (usernames.length === 0) return []
  const users = await User.query()
    .withScopes((scopes) => scopes.named(usernames))
    .whereNull('deleted_at')
    .where('is_active', true)
    .whereNot('id', author.id)
    .limit(20)
  const sees = await Promise.all(users.map((user) => bounty.isVisibleTo(user)))
  return users.filter((_user, index) => sees[index])
}
