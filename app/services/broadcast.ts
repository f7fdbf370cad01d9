import transmit from '@adonisjs/transmit/services/main'
import { serialize } from '#transformers/envelope'
import NotificationTransformer from '#transformers/notification_transformer'
import BountyTransformer from '#transformers/bounty_transformer'
import CommentTransformer from '#transformers/comment_transformer'
import Bounty from '#models/bounty'
import BountyComment from '#models/bounty_comment'
import type Notification from '#models/notification'
import Order from '#models/order'
import OrderTransformer from '#transformers/order_transformer'
import { isLiveChannel, liveChannels } from '#services/live_channels'
import presence from '#services/presence'

type Payload = Exclude<Parameters<typeof transmit.broadcast>[1], undefined>

/**
 * Channel names live in their own module (the access rules need them
 * without the transformers); they are exported from here as before.
 */
export { liveChannels, isLiveChannel }

/**
 * A new notification and the member's unread count, for the bell and a
 * toast on every page they have open.
 */
export async function broadcastNotification(notification: Notification, unreadCount: number) {
  transmit.broadcast(liveChannels.notifications(notification.userId), {
    type: 'notification',
    notification: await plain(NotificationTransformer.transform(notification)),
    unreadCount,
  })
}

/**
 * The unread count after the member read or deleted notifications, so the
 * bell agrees in their other tabs.
 */
export function broadcastUnreadCount(userId: string, unreadCount: number) {
  transmit.broadcast(liveChannels.notifications(userId), {
    type: 'notifications.read',
    unreadCount,
  })
}

/**
 * A bounty's new state, to everyone following its page. Reads the bounty
 * afresh, so call it once the change is committed.
 */
export async function broadcastBountyUpdated(bounty: { id: string }) {
  const fresh = await withCard(bounty.id)
  if (!fresh) return
  transmit.broadcast(liveChannels.bounty(fresh.id), {
    type: 'bounty.updated',
    bounty: await plain(BountyTransformer.transform(fresh)),
  })
}

/**
 * A newly published bounty, to the board, or for a team-only one to its
 * team's channel (members only): a team bounty never goes to `board`.
 */
export async function broadcastBountyPublished(bounty: { id: string }) {
  const fresh = await withCard(bounty.id)
  if (!fresh || fresh.isDraft) return
  const event = {
    type: 'bounty.published',
    bounty: await plain(BountyTransformer.transform(fresh)),
  }
  if (fresh.teamId) broadcastTeamEvent(fresh.teamId, event)
  else transmit.broadcast(liveChannels.board, event)
}

/**
 * A new comment, to everyone following the bounty's page.
 */
export async function broadcastCommentCreated(comment: { id: string }) {
  const fresh = await BountyComment.query()
    .where('id', comment.id)
    .preload('author')
    .preload('attachments')
    .first()
  if (!fresh) return
  transmit.broadcast(liveChannels.bounty(fresh.bountyId), {
    type: 'comment.created',
    comment: await plain(CommentTransformer.transform(fresh)),
  })
}

/**
 * An order's new state, to its buyer's open pages (only they follow
 * `users/:id/orders`). Reads the order afresh, so call it once the change
 * is committed.
 */
export async function broadcastOrderUpdated(order: { id: string }) {
  const fresh = await Order.query().where('id', order.id).preload('items').first()
  if (!fresh) return
  transmit.broadcast(liveChannels.orders(fresh.userId), {
    type: 'order.updated',
    order: await plain(OrderTransformer.transform(fresh)),
  })
}

function withCard(bountyId: string) {
  return Bounty.query()
    .where('bounties.id', bountyId)
    .whereNull('bounties.deleted_at')
    .withScopes((scopes) => scopes.withCard())
    .first()
}

/**
 * A transformer's output as JSON values: exactly what the API would send.
 */
async function plain(resource: unknown) {
  const { data } = await serialize(resource)
  return data as Payload
}

/**
 * A team event (`checkin.created`, `member.joined`, `member.left`,
 * `team.updated`, `bounty.published`) to the members following the team's
 * channel; the payload is the API contract's "Live events" shape for that
 * type. When the members changed, the team's online list is sent again as
 * well.
 */
export function broadcastTeamEvent(teamId: string, event: { type: string } & Payload) {
  transmit.broadcast(liveChannels.team(teamId), event)
  if (event.type === 'member.joined' || event.type === 'member.left') {
    presence.teamChanged(teamId)
  }
}
