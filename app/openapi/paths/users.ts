import { confirmPasswordValidator, updateProfileValidator } from '#validators/user'
import { apiUpdateSettingsValidator } from '#validators/api/user'
import { AVATAR_TYPES } from '#actions/users/update_avatar'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  operation,
  ref,
  success,
  uuidPath,
  type Operation,
} from '#openapi/builders'

const tags = ['Users']

export const userPaths: Record<string, Record<string, Operation>> = {
  '/users/profile': {
    get: operation({
      tags,
      operationId: 'getProfile',
      summary: 'The signed-in member',
      description: '`balance` is the wallet balance available to spend.',
      security: bearer('read'),
      responses: success('The caller', ref('CurrentUser')),
    }),
    put: operation({
      tags,
      operationId: 'updateProfile',
      summary: 'Update names and profile',
      description: 'Only the fields sent change; `null` (or an empty string) clears a field.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(updateProfileValidator), {
        firstName: 'Tanjiro',
        bio: 'Water breathing, first form.',
        website: 'https://example.com',
        experienceLevel: 'INTERMEDIATE',
        githubUsername: 'tanjiro',
      }),
      responses: {
        ...success('The caller, updated', ref('CurrentUser')),
        ...failure(422),
      },
    }),
  },
  '/users/settings': {
    put: operation({
      tags,
      operationId: 'updateSettings',
      summary: 'Update notification and privacy settings',
      description:
        'Only the fields sent change. Two-factor authentication is managed from the settings pages.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(apiUpdateSettingsValidator), {
        marketingEmails: false,
        profileVisibility: 'FRIENDS_ONLY',
      }),
      responses: {
        ...success('The settings, updated', ref('UserSettings')),
        ...failure(422),
      },
    }),
  },
  '/users/avatar': {
    put: operation({
      tags,
      operationId: 'updateAvatar',
      summary: 'Upload a new avatar',
      description: `Multipart upload, field \`avatar\`: ${Object.values(AVATAR_TYPES).join(', ')}, at most 2 MB. The file content decides the type, not its name.`,
      security: bearer('write'),
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['avatar'],
              properties: {
                avatar: {
                  type: 'string',
                  contentMediaType: 'image/*',
                  description: 'The image file',
                },
              },
            },
          },
        },
      },
      responses: {
        ...success('The caller with the new `avatarUrl`', ref('CurrentUser')),
        ...failure(422),
      },
    }),
  },
  '/users/{id}/public': {
    get: operation({
      tags,
      operationId: 'getPublicProfile',
      summary: "Another member's public profile",
      description:
        "Honours the member's profile visibility: `PUBLIC` shows the profile to everyone, `FRIENDS_ONLY` to people who share a team with them, `PRIVATE` to nobody else. Otherwise only the card (username, role, avatar) is returned.",
      security: bearer('read'),
      parameters: [uuidPath('id', 'The member id')],
      responses: {
        ...success('The member as the caller may see them', ref('PublicUser')),
        ...failure(404),
      },
    }),
  },
  '/users/stats': {
    get: operation({
      tags,
      operationId: 'getStats',
      summary: "The caller's bounty and wallet figures",
      security: bearer('read'),
      responses: success('Counts and amounts', ref('UserStats')),
    }),
  },
  '/users/account': {
    delete: operation({
      tags,
      operationId: 'deleteAccount',
      summary: 'Delete the account',
      description:
        'Anonymises the member (the ledger keeps its entries) and revokes every session and token. Requires the current password.',
      security: bearer('write'),
      requestBody: jsonBody(fromValidator(confirmPasswordValidator), { password: 'Secret123' }),
      responses: {
        ...success('The account is gone', { type: 'null', description: 'No data: read `message`' }),
        ...failure(422, ['VALIDATION_FAILED', 'INVALID_PASSWORD']),
      },
    }),
  },
}
