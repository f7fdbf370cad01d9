import { USER_ROLES } from '#enums/user_role'
import { EXPERIENCE_LEVELS, PROFILE_VISIBILITIES } from '#enums/profile'
import { nullable, object, ref, type Schema } from '#openapi/builders'

/**
 * Shared schemas of the document: the response envelope, the value
 * conventions of the API (UUID ids, ISO-8601 UTC times, money as a decimal
 * string with two places) and the resources the transformers produce.
 */
const uuid = { type: 'string', format: 'uuid' }
const timestamp = {
  type: 'string',
  format: 'date-time',
  description: 'ISO-8601, UTC',
  example: '2026-01-31T09:30:00.000Z',
}
const money = {
  type: 'string',
  pattern: '^-?\\d+\\.\\d{2}$',
  description: 'Decimal string with two places',
  example: '150.00',
}
const text = (maxLength?: number): Schema =>
  nullable(maxLength ? { type: 'string', maxLength } : { type: 'string' })

export const schemas: Record<string, Schema> = {
  Uuid: uuid,
  Timestamp: timestamp,
  Money: money,

  Meta: object({ timestamp: ref('Timestamp'), version: { const: 'v1' } }),
  PaginatedMeta: object({
    timestamp: ref('Timestamp'),
    version: { const: 'v1' },
    pagination: object({
      page: { type: 'integer', minimum: 1 },
      limit: { type: 'integer', minimum: 1, maximum: 100 },
      total: { type: 'integer', minimum: 0 },
      totalPages: { type: 'integer', minimum: 0 },
    }),
  }),
  ErrorDetail: object({
    field: { type: 'string', example: 'email' },
    message: { type: 'string' },
    rule: { type: 'string', example: 'email' },
  }),
  ErrorEnvelope: {
    type: 'object',
    required: ['success', 'error', 'meta'],
    additionalProperties: false,
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message'],
        additionalProperties: false,
        properties: {
          code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', example: 'VALIDATION_FAILED' },
          message: { type: 'string' },
          details: { type: 'array', items: ref('ErrorDetail') },
        },
      },
      meta: object({
        timestamp: ref('Timestamp'),
        requestId: { type: 'string', description: 'Same as the X-Request-Id header and the logs' },
      }),
    },
  },

  UserProfile: object({
    bio: text(),
    location: text(100),
    website: text(255),
    phone: text(20),
    jobTitle: text(100),
    company: text(100),
    experienceLevel: { enum: [...EXPERIENCE_LEVELS] },
    portfolioUrl: text(),
    githubUsername: text(100),
    linkedinUsername: text(100),
    twitterUsername: text(100),
  }),
  UserSettings: object({
    emailNotifications: { type: 'boolean' },
    pushNotifications: { type: 'boolean', description: 'Live (in-app) notifications' },
    marketingEmails: { type: 'boolean' },
    twoFactorEnabled: { type: 'boolean' },
    profileVisibility: { enum: [...PROFILE_VISIBILITIES] },
    leaderboardOptOut: {
      type: 'boolean',
      description: 'Left off every leaderboard (K9); points and totals still count',
    },
    timezone: {
      type: 'string',
      description:
        'An IANA timezone name: the member’s analytics weeks start on Monday at midnight there',
    },
  }),
  CurrentUser: object(
    {
      id: ref('Uuid'),
      username: { type: 'string', example: 'tanjiro' },
      email: { type: 'string', format: 'email' },
      role: { enum: [...USER_ROLES] },
      firstName: text(100),
      lastName: text(100),
      avatarUrl: nullable({ type: 'string' }),
      balance: ref('Money'),
      emailVerified: { type: 'boolean' },
      profile: ref('UserProfile'),
      settings: ref('UserSettings'),
      createdAt: ref('Timestamp'),
    },
    'The signed-in member, with everything they may see about themselves'
  ),
  PublicUser: {
    type: 'object',
    description:
      'Another member as the caller may see them. `firstName`, `lastName` and `profile` ' +
      'are present only when the profile visibility lets the caller see them.',
    required: ['id', 'username', 'role', 'avatarUrl', 'visibility', 'createdAt'],
    additionalProperties: false,
    properties: {
      id: ref('Uuid'),
      username: { type: 'string' },
      role: { enum: [...USER_ROLES] },
      avatarUrl: nullable({ type: 'string' }),
      visibility: { enum: [...PROFILE_VISIBILITIES] },
      firstName: text(100),
      lastName: text(100),
      profile: ref('UserProfile'),
      createdAt: ref('Timestamp'),
    },
  },
  UserStats: object({
    postedCount: { type: 'integer', minimum: 0 },
    completedCount: { type: 'integer', minimum: 0 },
    activeCount: { type: 'integer', minimum: 0 },
    earned: ref('Money'),
    spent: ref('Money'),
    completionRate: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Completed ÷ claimed bounties (0 when none)',
    },
  }),
  AuthSession: object({
    user: ref('CurrentUser'),
    token: { type: 'string', description: 'Send as `Authorization: Bearer <token>`' },
    expiresAt: nullable(ref('Timestamp')),
  }),
  AccessToken: object({
    token: { type: 'string', description: 'Send as `Authorization: Bearer <token>`' },
    expiresAt: nullable(ref('Timestamp')),
  }),
}

export const securitySchemes = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description:
      'The opaque token from register or login (every ability) or a personal API token ' +
      '(the abilities its owner granted). Operations list the abilities they need.',
  },
}
