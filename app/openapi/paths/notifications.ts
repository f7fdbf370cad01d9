import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPE_INFO,
  NOTIFICATION_TYPES,
  WATCH_LEVELS,
} from '#enums/notification'
import {
  updateNotificationPreferencesValidator,
  updateWatchLevelValidator,
} from '#validators/notification'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  nullable,
  object,
  operation,
  query,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Notifications, preferences and watch levels (D, K10) and the
 * schemas of their transformers. The live side (Transmit) is described in
 * the tag, since it is not JSON over /api/v1.
 */
const tags = ['Notifications']

export const notificationsTag = {
  name: 'Notifications',
  description: [
    'Stored notifications, per-type preferences and watch levels.',
    '',
    'They also arrive live over server-sent events (Transmit): open',
    '`GET /__transmit/events?uid=<random uuid>` (outside /api/v1), then',
    '`POST /__transmit/subscribe` with `{ "uid", "channel" }` and the same',
    '`Authorization: Bearer` header as the API (204 subscribed, 400 refused). Channels:',
    '`users/<your id>/notifications` → `{ type: "notification", notification, unreadCount }`',
    'and `{ type: "notifications.read", unreadCount }`; `bounties/<id>` (bounties you may see)',
    '→ `{ type: "bounty.updated", bounty }`, `{ type: "comment.created", comment }`;',
    '`board` → `{ type: "bounty.published", bounty }` for bounties everyone may see; a team-only',
    'bounty is announced the same way on `teams/<id>` (members only) instead. Each event is a `data:` line',
    'holding `{ channel, payload }`. A stream belongs to whoever opened it, or to the',
    'first member who subscribes on it; send `Authorization` when opening it too if your',
    'EventSource client can, so a reconnection with the same uid is accepted.',
  ].join('\n'),
}

const types = { type: 'string', enum: [...NOTIFICATION_TYPES] }
const channel = { type: 'string', enum: [...NOTIFICATION_CHANNELS] }

export const notificationSchemas: Record<string, Schema> = {
  Notification: object(
    {
      id: ref('Uuid'),
      type: types,
      title: { type: 'string' },
      message: { type: 'string' },
      url: nullable({ type: 'string', description: 'Where it leads, a path on the web app' }),
      data: {
        type: 'object',
        description: 'What it is about (`bountyId`, `commentId`, `transactionId`, `amount`…)',
      },
      isRead: { type: 'boolean' },
      readAt: nullable(ref('Timestamp')),
      actor: nullable(object({ id: ref('Uuid'), username: { type: 'string' } })),
      createdAt: ref('Timestamp'),
      expiresAt: nullable(ref('Timestamp')),
    },
    'Something that happened that concerns the caller. `actor` is who caused it (null for the scheduler).'
  ),
  NotificationPreferences: object(
    {
      preferences: object(
        Object.fromEntries(
          NOTIFICATION_TYPES.map((type) => [
            type,
            {
              ...channel,
              description: `${NOTIFICATION_TYPE_INFO[type].label} (default \`${NOTIFICATION_TYPE_INFO[type].defaultChannel}\`)`,
            },
          ])
        )
      ),
    },
    '`live`: stored and pushed live; `email`: also emailed; `off`: not stored. The account settings `emailNotifications` and `pushNotifications` switch email and live pushes off altogether.'
  ),
  WatchLevel: object(
    {
      subject: { type: 'string', enum: ['bounty', 'tag', 'team'] },
      id: ref('Uuid'),
      level: { type: 'string', enum: [...WATCH_LEVELS] },
    },
    '`watching`: every event of the bounty (every new bounty with the tag, or of the team); `normal`: only what concerns the caller directly; `muted`: nothing about it (no new bounty of the team, whatever tags it has).'
  ),
}

const notificationId = uuidPath('id', 'The notification')

export const notificationPaths: Record<string, Record<string, Operation>> = {
  '/notifications': {
    get: operation({
      tags,
      operationId: 'listNotifications',
      summary: 'The caller’s notifications, newest first',
      description: 'Expired notifications are left out.',
      security: bearer('read'),
      parameters: [
        query('unread', { type: 'boolean' }, 'Only unread ones'),
        query('type', types, 'Only this type'),
        query('page', { type: 'integer', minimum: 1, default: 1 }, 'Page number'),
        query(
          'limit',
          { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          'Items per page'
        ),
      ],
      responses: {
        ...success(
          'A page of notifications',
          { type: 'array', items: ref('Notification') },
          {
            paginated: true,
          }
        ),
        ...failure(422),
      },
    }),
  },
  '/notifications/read-all': {
    put: operation({
      tags,
      operationId: 'markAllNotificationsRead',
      summary: 'Mark every notification read',
      security: bearer('write'),
      responses: success(
        'How many were unread',
        object({ marked: { type: 'integer', minimum: 0 } })
      ),
    }),
  },
  '/notifications/{id}/read': {
    put: operation({
      tags,
      operationId: 'markNotificationRead',
      summary: 'Mark one notification read',
      security: bearer('write'),
      parameters: [notificationId],
      responses: {
        ...success('The notification', ref('Notification')),
        ...failure(404),
      },
    }),
  },
  '/notifications/{id}': {
    delete: operation({
      tags,
      operationId: 'deleteNotification',
      summary: 'Delete one notification',
      security: bearer('write'),
      parameters: [notificationId],
      responses: {
        ...success('Deleted', { type: 'null' }),
        ...failure(404),
      },
    }),
  },
  '/users/notification-preferences': {
    get: operation({
      tags,
      operationId: 'getNotificationPreferences',
      summary: 'How each notification type reaches the caller',
      security: bearer('read'),
      responses: success('Every type with its channel', ref('NotificationPreferences')),
    }),
    put: operation({
      tags,
      operationId: 'updateNotificationPreferences',
      summary: 'Change how notification types reach the caller',
      description: 'Types left out keep their channel.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(updateNotificationPreferencesValidator), {
        preferences: { 'comment.created': 'off', 'bounty.approved': 'email' },
      }),
      responses: {
        ...success('Every type with its channel', ref('NotificationPreferences')),
        ...failure(422),
      },
    }),
  },
  '/bounties/{id}/watch': {
    get: operation({
      tags,
      operationId: 'getBountyWatchLevel',
      summary: 'The caller’s watch level on a bounty',
      security: bearer('read'),
      parameters: [uuidPath('id', 'The bounty')],
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404) },
    }),
    put: operation({
      tags,
      operationId: 'setBountyWatchLevel',
      summary: 'Watch, unwatch or mute a bounty',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The bounty')],
      requestBody: jsonBody(fromValidator(updateWatchLevelValidator), { level: 'watching' }),
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404), ...failure(422) },
    }),
  },
  '/tags/{id}/watch': {
    get: operation({
      tags,
      operationId: 'getTagWatchLevel',
      summary: 'The caller’s watch level on a tag',
      security: bearer('read'),
      parameters: [uuidPath('id', 'The tag')],
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404) },
    }),
    put: operation({
      tags,
      operationId: 'setTagWatchLevel',
      summary: 'Watch, unwatch or mute a tag',
      description: 'Watching a tag tells the caller of every new bounty with it.',
      security: bearer('write'),
      parameters: [uuidPath('id', 'The tag')],
      requestBody: jsonBody(fromValidator(updateWatchLevelValidator), { level: 'muted' }),
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404), ...failure(422) },
    }),
  },
}
