import logger from '@adonisjs/core/services/logger'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Bounty from '#models/bounty'
import type BountyEvent from '#models/bounty_event'
import BountyClaim, { STALE_CLAIM_GRACE_DAYS } from '#models/bounty_claim'
import BountyComment from '#models/bounty_comment'
import BountyMention from '#models/bounty_mention'
import User from '#models/user'
import { excerpt as excerptOf } from '#services/text'
import { ACTIVE_CLAIM_STATUSES } from '#enums/bounty'
import Notify, { type NotifyInput } from '#actions/notifications/notify'
import {
  broadcastBountyPublished,
  broadcastBountyUpdated,
  broadcastCommentCreated,
} from '#services/broadcast'

type Announcement = Omit<NotifyInput, 'actor' | 'url' | 'bounty'> & { tagIds?: string[] }

/**
 * Timeline events that change what a bounty page shows.
 */
const CHANGES_THE_PAGE = new Set<BountyEvent['type']>([
  'published',
  'updated',
  'claimed',
  'assigned',
  'abandoned',
  'submitted',
  'changes_requested',
  'approved',
  'cancelled',
  'expired',
  'claim_expired',
])

/**
 * Tells people about a bounty's timeline event (B7, D): the members it
 * concerns and its watchers get notifications (Notify honours everyone's
 * preferences and watch levels), and once the transaction commits, open
 * pages get the live update: the bounty page its new state or comment,
 * the board a newly published bounty. Bounty actions call it right after
 * recording the event, in the same transaction.
 */
export default class AnnounceBountyEvent {
  static async handle(trx: TransactionClientContract, bounty: Bounty, event: BountyEvent) {
    const actor = event.actorId ? await User.find(event.actorId, { client: trx }) : null
    const context = {
      actor,
      url: urlFor('bounties.show', { id: bounty.id }),
      bounty: { id: bounty.id },
    }
    for (const { tagIds, ...announcement } of await announcements(trx, bounty, event, actor)) {
      await Notify.handle(
        {
          ...context,
          ...announcement,
          bounty: { id: bounty.id, tagIds, teamId: bounty.teamId },
          data: { bountyId: bounty.id, ...announcement.data },
        },
        trx
      )
    }
    trx.after('commit', () => broadcast(bounty, event))
  }
}

async function announcements(
  trx: TransactionClientContract,
  bounty: Bounty,
  event: BountyEvent,
  actor: User | null
): Promise<Announcement[]> {
  const data = event.data as {
    userId?: string
    username?: string
    reason?: string | null
    amount?: string
    commentId?: string
    endedClaimsOf?: string[]
  }
  const title = `“${bounty.title}”`
  const by = actor ? `@${actor.username}` : 'Corps'
  const poster = { id: bounty.createdBy }
  const subject = data.userId ? { id: data.userId } : null
  const subjectName = data.userId ? `@${data.username ?? (await usernameOf(trx, data.userId))}` : ''

  switch (event.type) {
    case 'published':
      return [
        {
          type: 'bounty.published',
          recipients: [],
          title: `New bounty: ${title}`,
          message: `${by} posted it with a reward of ${bounty.bountyAmount.format()}.`,
          tagIds: await tagIdsOf(trx, bounty.id),
          watchers: true,
        },
      ]
    case 'claimed':
      return [
        {
          type: 'bounty.claimed',
          recipients: [poster],
          title: `${by} claimed ${title}`,
          message: `${by} is now working on it.`,
          watchers: true,
        },
      ]
    case 'assigned':
      return [
        {
          type: 'bounty.assigned',
          recipients: [subject!],
          title: `You were assigned ${title}`,
          message: `${by} assigned it to you. The reward is ${bounty.bountyAmount.format()}.`,
        },
        {
          type: 'bounty.claimed',
          recipients: [poster],
          title: `${subjectName} was assigned ${title}`,
          message: `${by} assigned it to ${subjectName}.`,
          watchers: true,
          except: [subject!],
        },
      ]
    case 'abandoned':
      return [
        {
          type: 'bounty.abandoned',
          recipients: [poster],
          title: `${by} abandoned ${title}`,
          message: 'The slot is free again: someone else may claim it.',
          watchers: true,
        },
      ]
    case 'submitted':
      return [
        {
          type: 'bounty.submitted',
          recipients: [poster],
          title: `${by} submitted work on ${title}`,
          message: 'Review it: approve it to pay the reward, or request changes.',
          watchers: { title: `${by} submitted work on ${title}`, message: 'It awaits review.' },
        },
      ]
    case 'changes_requested':
      return [
        {
          type: 'bounty.changes_requested',
          recipients: [subject!],
          title: `Changes requested on ${title}`,
          message: data.reason ? `${by}: ${data.reason}` : `${by} asked for changes.`,
          watchers: {
            title: `Changes requested on ${title}`,
            message: `${by} sent the work of ${subjectName} back.`,
          },
        },
      ]
    case 'approved':
      return [
        {
          type: 'bounty.approved',
          recipients: [subject!],
          title: `Your work on ${title} was approved`,
          message: `${by} approved it: ${data.amount ?? bounty.bountyAmount.format()} was paid to your wallet.`,
          data: { amount: data.amount },
          watchers: {
            title: `${title} was approved`,
            message: `${by} approved the work of ${subjectName}, who was paid.`,
          },
        },
      ]
    case 'cancelled':
      return [
        {
          type: 'bounty.cancelled',
          // A Leader's cancel also ended the claims of those still on it (I3).
          recipients: [poster, ...(data.endedClaimsOf ?? []).map((id) => ({ id }))],
          title: `${title} was cancelled`,
          message: `${by} cancelled it${data.reason ? `: ${data.reason}` : ''}. The unused reward went back to the poster.`,
          watchers: true,
        },
      ]
    case 'expired':
      return [
        {
          type: 'bounty.expired',
          recipients: [poster],
          title: `${title} expired`,
          message:
            'Its deadline passed with no one working on it; the reward is back in your wallet.',
          watchers: { title: `${title} expired`, message: 'Its deadline passed.' },
        },
      ]
    case 'nudged':
      return [
        {
          type: 'claim.nudged',
          recipients: [subject!],
          title: `Still working on ${title}?`,
          message: `Your claim has been quiet for ${bounty.claimWindowDays} days. Comment, or submit your work, within ${STALE_CLAIM_GRACE_DAYS} days or the claim expires.`,
        },
      ]
    case 'claim_expired':
      return [
        {
          type: 'claim.expired',
          recipients: [subject!],
          title: `Your claim on ${title} expired`,
          message: 'It had no activity for too long; the bounty is open to others again.',
        },
        {
          type: 'claim.expired',
          recipients: [poster],
          title: `A claim on ${title} expired`,
          message: `The claim of ${subjectName} had no activity for too long; the slot is free again.`,
          except: [subject!],
        },
      ]
    case 'commented':
      return commentAnnouncements(trx, bounty, data.commentId!, title, by)
    default:
      return []
  }
}

/**
 * Mentioned members get a mention (once); the poster, those working on the
 * bounty and its watchers get the comment.
 */
async function commentAnnouncements(
  trx: TransactionClientContract,
  bounty: Bounty,
  commentId: string,
  title: string,
  by: string
): Promise<Announcement[]> {
  const comment = await BountyComment.findOrFail(commentId, { client: trx })
  const mentions = await BountyMention.query({ client: trx })
    .where('comment_id', commentId)
    .whereNull('notified_at')
  await BountyMention.query({ client: trx })
    .whereIn(
      'id',
      mentions.map((mention) => mention.id)
    )
    .update({ notified_at: new Date() })
  const mentioned = mentions.map((mention) => ({ id: mention.userId }))
  const workers = await BountyClaim.query({ client: trx })
    .where('bounty_id', bounty.id)
    .whereIn('status', ACTIVE_CLAIM_STATUSES)
    .select('user_id')
  const excerpt = excerptOf(comment.content, 200)
  const data = { commentId }

  return [
    {
      type: 'mention',
      recipients: mentioned,
      title: `${by} mentioned you on ${title}`,
      message: excerpt,
      data,
    },
    {
      type: 'comment.created',
      recipients: [{ id: bounty.createdBy }, ...workers.map((claim) => ({ id: claim.userId }))],
      title: `${by} commented on ${title}`,
      message: excerpt,
      data,
      watchers: true,
      except: mentioned,
    },
  ]
}

/**
 * Runs after commit: a failure is logged, never thrown at a caller whose
 * change already happened.
 */
async function broadcast(bounty: Bounty, event: BountyEvent) {
  try {
    if (event.type === 'published') await broadcastBountyPublished(bounty)
    if (event.type === 'commented') {
      await broadcastCommentCreated({ id: (event.data as { commentId: string }).commentId })
    }
    if (CHANGES_THE_PAGE.has(event.type)) await broadcastBountyUpdated(bounty)
  } catch (error) {
    logger.error({ err: error }, 'broadcasting a bounty event failed')
  }
}

async function usernameOf(trx: TransactionClientContract, userId: string) {
  const user = await User.find(userId, { client: trx })
  return user?.username ?? 'someone'
}

async function tagIdsOf(trx: TransactionClientContract, bountyId: string) {
  const rows = await trx.from('bounty_tags').where('bounty_id', bountyId).select('tag_id')
  return rows.map((row: { tag_id: string }) => row.tag_id)
}
