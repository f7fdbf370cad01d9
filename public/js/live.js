// Live updates over Transmit (server-sent events). Progressive enhancement
// only: without this file every page still shows the same facts on reload.
//
// Pages opt in with data attributes:
//   [data-live-bell][data-user-id]  the header bell: count and toasts
//   [data-live-notifications]       the notification centre's list
//   [data-live-board="<channels>"]  the board: new bounties on each channel
//                                   named (`board`, `teams/<id>`)
//   [data-live-bounty="<id>"]       a bounty page, with optional
//                                   [data-live-bounty-status] and
//                                   [data-live-comments] inside it
//   [data-team-live="<id>"]         a team page: check-ins, members and
//                                   who is online (public/js/team_live.js)
//   [data-live-orders="<userId>"]   the member's orders list or an order
//                                   page: each [data-order-id] element's
//                                   [data-order-status] follows its order
import { Transmit } from '/js/vendor/transmit-client.js'

// The same labels and classes as components/bounty/status.edge.
const STATUS_LABELS = {
  AVAILABLE: 'Available',
  IN_PROGRESS: 'In progress',
  REVIEW: 'In review',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
}

const bell = document.querySelector('[data-live-bell]')
const board = document.querySelector('[data-live-board]')
const bounty = document.querySelector('[data-live-bounty]')
const team = document.querySelector('[data-team-live]')
const orders = document.querySelector('[data-live-orders]')

// The same labels and classes as components/shop/status.edge.
const ORDER_STATUS_LABELS = {
  PLACED: 'Placed',
  CONFIRMED: 'Confirmed',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
}

if (bell || board || bounty || team || orders) {
  const transmit = new Transmit({ baseUrl: window.location.origin })
  if (bell) follow(transmit, `users/${bell.dataset.userId}/notifications`, onNotification)
  if (board) {
    for (const channel of (board.dataset.liveBoard || 'board').split(' ')) {
      follow(transmit, channel, onBoard)
    }
  }
  if (bounty) follow(transmit, `bounties/${bounty.dataset.liveBounty}`, onBounty)
  if (team) import('/js/team_live.js').then(({ followTeam }) => followTeam(transmit, team))
  if (orders) follow(transmit, `users/${orders.dataset.liveOrders}/orders`, onOrder)
}

function follow(transmit, channel, handler) {
  const subscription = transmit.subscription(channel)
  subscription.onMessage(handler)
  subscription.create()
}

function onNotification(message) {
  setUnreadCount(message.unreadCount)
  if (message.type !== 'notification') return
  toast(message.notification.title, message.notification.message, message.notification.url)
  const list = document.querySelector('[data-live-notifications]')
  if (list) notice(list, 'notifications', 'new notification', 'new notifications', 'Show')
}

function onBoard(message) {
  if (message.type !== 'bounty.published') return
  notice(board, 'bounties', 'new bounty', 'new bounties', 'Show')
}

function onBounty(message) {
  if (message.type === 'bounty.updated') {
    const status = bounty.querySelector('[data-live-bounty-status]')
    if (status) {
      status.textContent = STATUS_LABELS[message.bounty.status] ?? message.bounty.status
      status.className = `status status--${message.bounty.status.toLowerCase().replace('_', '-')}`
    }
    notice(bounty, 'updates', 'update to this bounty', 'updates to this bounty', 'Reload')
  }
  if (message.type === 'comment.created') {
    const comments = bounty.querySelector('[data-live-comments]') ?? bounty
    notice(comments, 'comments', 'new comment', 'new comments', 'Show')
  }
}

function onOrder(message) {
  if (message.type !== 'order.updated') return
  const shown = orders.querySelector(`[data-order-id="${message.order.id}"]`)
  if (!shown) return
  const status = shown.querySelector('[data-order-status]')
  if (status) {
    const state = message.order.status
    status.textContent = ORDER_STATUS_LABELS[state] ?? state
    const tone = state === 'CANCELLED' ? 'muted' : state === 'DELIVERED' ? 'ok' : 'warn'
    status.className = `pill pill--${tone}`
  }
  notice(orders, 'orders', 'update to your orders', 'updates to your orders', 'Reload')
}

function setUnreadCount(count) {
  if (!bell || typeof count !== 'number') return
  const badge = bell.querySelector('[data-live-count]')
  badge.textContent = count > 99 ? '99+' : String(count)
  badge.hidden = count === 0
  bell.querySelector('[data-live-label]').textContent = `Notifications, ${count} unread`
}

// A button at the top of `container` counting what arrived since the page
// loaded; pressing it reloads the page, which renders them properly.
function notice(container, kind, one, many, action) {
  let button = container.querySelector(`:scope > [data-live-notice="${kind}"]`)
  if (!button) {
    button = document.createElement('button')
    button.type = 'button'
    button.className = 'button button--secondary live-notice'
    button.dataset.liveNotice = kind
    button.dataset.count = '0'
    button.addEventListener('click', () => window.location.reload())
    container.prepend(button)
  }
  const count = Number(button.dataset.count) + 1
  button.dataset.count = String(count)
  button.textContent = `${count} ${count === 1 ? one : many} · ${action}`
}

function toast(title, message, url) {
  let region = document.querySelector('[data-live-toasts]')
  if (!region) {
    region = document.createElement('div')
    region.className = 'toasts'
    region.dataset.liveToasts = ''
    region.setAttribute('role', 'status')
    region.setAttribute('aria-live', 'polite')
    document.body.append(region)
  }
  const item = document.createElement('div')
  item.className = 'toast'
  const heading = document.createElement(url ? 'a' : 'strong')
  heading.textContent = title
  if (url) heading.href = url
  const text = document.createElement('p')
  text.textContent = message
  item.append(heading, text)
  region.append(item)
  setTimeout(() => item.remove(), 8000)
}
