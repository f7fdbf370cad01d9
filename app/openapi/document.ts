import { schemas, securitySchemes } from '#openapi/components'
import { analyticsPaths, analyticsSchemas, analyticsTag } from '#openapi/paths/analytics'
import { adminBountiesTag, adminBountyPaths } from '#openapi/paths/admin_bounties'
import { authPaths } from '#openapi/paths/auth'
import { checkInPaths, checkInSchemas, checkInsTag } from '#openapi/paths/checkins'
import { adminMemberPaths, adminMemberSchemas, adminMembersTag } from '#openapi/paths/admin_members'
import { adminShopPaths, adminShopSchemas, adminShopTag } from '#openapi/paths/admin_shop'
import { bountyPaths, bountySchemas } from '#openapi/paths/bounties'
import { filePaths, fileSchemas } from '#openapi/paths/files'
import { metaPaths } from '#openapi/paths/meta'
import { dashboardPaths, dashboardSchemas, dashboardTag } from '#openapi/paths/dashboard'
import {
  notificationPaths,
  notificationSchemas,
  notificationsTag,
} from '#openapi/paths/notifications'
import { teamWatchPaths } from '#openapi/paths/team_watch'
import { teamInvitationPaths, teamInvitationSchemas } from '#openapi/paths/team_invitations'
import { leaderboardPaths, leaderboardSchemas, leaderboardTag } from '#openapi/paths/leaderboard'
import { userPaths } from '#openapi/paths/users'
import { teamPaths, teamSchemas, teamsTag } from '#openapi/paths/teams'
import { shopPaths, shopSchemas, shopTag } from '#openapi/paths/shop'
import { walletPaths, walletSchemas } from '#openapi/paths/wallet'
import { API_CALLS_PER_ADDRESS_A_MINUTE, MEMBER_BUDGETS } from '#start/limiter'

/**
 * The per-member budgets as a sentence, from the table the throttle uses.
 */
function describeBudgets() {
  return Object.values(MEMBER_BUDGETS)
    .map((budget) => `${budget.requests} ${budget.what} ${budget.per}`)
    .join(', ')
}
import { withBodyRefusals } from '#openapi/builders'

/**
 * The OpenAPI 3.1 document served at GET /api/v1/openapi.json and rendered at
 * /api/docs. It describes exactly the routes of the /api/v1 group: the
 * functional suite checks every route against it and every API response
 * against its schemas (tests/helpers/openapi.ts). A new endpoint adds its
 * operations in app/openapi/paths/<resource>.ts and lists them here.
 */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Corps API',
    version: '1.0.0',
    summary: 'A bounty board for teams: post paid work, claim it, deliver it, get paid.',
    description: [
      'JSON in and out, field names in camelCase. Ids are UUIDs, times ISO-8601 UTC strings,',
      'money a decimal string with two places (`"150.00"`).',
      '',
      'Every success is `{ success: true, data, message?, meta: { timestamp, version, pagination? } }`;',
      'every failure `{ success: false, error: { code, message, details? }, meta: { timestamp, requestId } }`.',
      '`meta.requestId` matches the `X-Request-Id` response header and the server logs.',
      '',
      'Authenticate with `Authorization: Bearer <token>`. Money-moving POSTs accept an',
      '`Idempotency-Key` header: the same key from the same caller within 24 hours replays',
      'the first response. Rate-limited calls answer 429 `RATE_LIMITED` with `Retry-After`:',
      `${API_CALLS_PER_ADDRESS_A_MINUTE} calls a minute per address; per member, every token`,
      `together and the web pages sharing the write budgets: ${describeBudgets()}.`,
      'A write refused with a 4xx gives its place back.',
    ].join('\n'),
  },
  servers: [{ url: '/api/v1' }],
  tags: [
    { name: 'Auth', description: 'Accounts, tokens and passwords' },
    { name: 'Users', description: 'The signed-in member and public profiles' },
    { name: 'Bounties', description: 'The board, the bounty lifecycle, comments and timeline' },
    { name: 'Files', description: 'Attachments on bounties, comments and submissions' },
    { name: 'Wallet', description: 'Balance, history, withdrawals and tips' },
    { name: 'Treasury', description: 'Deposits and withdrawal decisions (leaders only)' },
    notificationsTag,
    teamsTag,
    checkInsTag,
    analyticsTag,
    adminBountiesTag,
    adminMembersTag,
    dashboardTag,
    leaderboardTag,
    adminShopTag,
    shopTag,
    { name: 'Meta', description: 'About this API' },
  ],
  paths: withBodyRefusals({
    ...authPaths,
    ...userPaths,
    ...bountyPaths,
    ...filePaths,
    ...walletPaths,
    ...adminBountyPaths,
    ...notificationPaths,
    ...teamPaths,
    ...teamWatchPaths,
    ...teamInvitationPaths,
    ...checkInPaths,
    ...analyticsPaths,
    ...adminMemberPaths,
    ...dashboardPaths,
    ...leaderboardPaths,
    ...adminShopPaths,
    ...shopPaths,
    ...metaPaths,
  }),
  components: {
    schemas: {
      ...schemas,
      ...bountySchemas,
      ...fileSchemas,
      ...walletSchemas,
      ...notificationSchemas,
      ...teamSchemas,
      ...teamInvitationSchemas,
      ...checkInSchemas,
      ...analyticsSchemas,
      ...adminMemberSchemas,
      ...dashboardSchemas,
      ...leaderboardSchemas,
      ...adminShopSchemas,
      ...shopSchemas,
    },
    securitySchemes,
  },
}

export type OpenApiDocument = typeof openApiDocument
