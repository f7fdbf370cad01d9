import { forgotPasswordValidator } from '#validators/auth'
import {
  apiLoginValidator,
  apiRegisterValidator,
  apiResetPasswordValidator,
} from '#validators/api/auth'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  operation,
  query,
  ref,
  success,
  type Operation,
} from '#openapi/builders'

const tags = ['Auth']
const messageOnly = { type: 'null', description: 'No data: read `message`' }
const throttled = 'Limited per IP address (20 requests a minute).'

export const authPaths: Record<string, Record<string, Operation>> = {
  '/auth/register': {
    post: operation({
      tags,
      operationId: 'register',
      summary: 'Create an account',
      description: `Creates a member (role SLAYER) and mails an email verification link. Unverified members can browse but not post, claim or move money. ${throttled}`,
      requestBody: jsonBody(fromValidator(apiRegisterValidator), {
        username: 'tanjiro',
        email: 'tanjiro@example.com',
        password: 'Secret123',
      }),
      responses: {
        ...success('The new member and a token with every ability', ref('AuthSession'), {
          status: 201,
        }),
        ...failure(
          409,
          ['EMAIL_ALREADY_EXISTS', 'USERNAME_TAKEN'],
          'The email or username is taken'
        ),
        ...failure(422),
      },
    }),
  },
  '/auth/login': {
    post: operation({
      tags,
      operationId: 'login',
      summary: 'Sign in',
      description: `Send \`email\` or \`username\` with the password. Accounts with two-factor authentication also send \`otp\` (a current code or a recovery code). Five wrong attempts in a row lock the account for 15 minutes. ${throttled}`,
      requestBody: jsonBody(fromValidator(apiLoginValidator), {
        email: 'tanjiro@example.com',
        password: 'Secret123',
      }),
      responses: {
        ...success('The member and a new token with every ability', ref('AuthSession')),
        ...failure(
          401,
          ['INVALID_CREDENTIALS', 'TWO_FACTOR_REQUIRED', 'INVALID_TWO_FACTOR_CODE'],
          'Wrong credentials (the same answer whether or not the account exists), or the second factor is missing or wrong'
        ),
        ...failure(403, ['ACCOUNT_INACTIVE'], 'The account was deactivated by a leader'),
        ...failure(422),
        ...failure(
          423,
          ['ACCOUNT_LOCKED'],
          'Too many failed attempts from this address on this account, or the account is past its hourly ceiling and this address has not signed in to it lately: locked for `Retry-After` seconds'
        ),
      },
    }),
  },
  '/auth/logout': {
    post: operation({
      tags,
      operationId: 'logout',
      summary: 'Sign out',
      description: 'Revokes the token used for this call.',
      security: bearer(),
      responses: success('The token no longer works', messageOnly),
    }),
  },
  '/auth/refresh-token': {
    post: operation({
      tags,
      operationId: 'refreshToken',
      summary: 'Replace the token',
      description:
        'Returns a new token with the same abilities and lifetime and revokes the one used for this call.',
      security: bearer(),
      responses: {
        ...success('The new token', ref('AccessToken')),
        ...failure(
          400,
          ['INVALID_TOKEN', 'BAD_REQUEST', 'INVALID_JSON'],
          'The token was refreshed or revoked meanwhile, or a body was sent that does not parse'
        ),
      },
    }),
  },
  '/auth/forgot-password': {
    post: operation({
      tags,
      operationId: 'forgotPassword',
      summary: 'Ask for a password reset link',
      description: `Answers the same whether or not the address has an account. The mailed link holds a single-use token valid for one hour. ${throttled}`,
      requestBody: jsonBody(fromValidator(forgotPasswordValidator), {
        email: 'tanjiro@example.com',
      }),
      responses: {
        ...success('Accepted', messageOnly),
        ...failure(422),
      },
    }),
  },
  '/auth/reset-password': {
    post: operation({
      tags,
      operationId: 'resetPassword',
      summary: 'Set a new password with a reset token',
      description: `Spends the token, sets the password and signs the account out everywhere (sessions and tokens). ${throttled}`,
      requestBody: jsonBody(fromValidator(apiResetPasswordValidator), {
        token: 'the token from the emailed link',
        password: 'NewSecret123',
      }),
      responses: {
        ...success('The password was changed', messageOnly),
        ...failure(
          400,
          ['INVALID_TOKEN', 'INVALID_JSON', 'BAD_REQUEST'],
          'The token is invalid, used or expired'
        ),
        ...failure(422),
      },
    }),
  },
  '/auth/verify-email': {
    get: operation({
      tags,
      operationId: 'verifyEmail',
      summary: 'Confirm an email address',
      description: `The token comes from the emailed verification link (valid 24 hours). ${throttled}`,
      parameters: [
        {
          ...query('token', { type: 'string', maxLength: 2048 }, 'The token from the link'),
          required: true,
        },
      ],
      responses: {
        ...success('The address is verified', messageOnly),
        ...failure(400, ['INVALID_TOKEN'], 'The token is invalid or expired'),
        ...failure(422),
      },
    }),
  },
}
