import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import User from '#models/user'
import CreateApiToken from '#actions/users/create_api_token'
import { DomainError } from '#exceptions/domain_error'
import {
  API_TOKEN_ABILITIES,
  API_TOKEN_ABILITY_LABELS,
  API_TOKEN_LIFETIMES_IN_DAYS,
} from '#enums/api_token_ability'
import { createApiTokenValidator } from '#validators/api_token'

const formOptions = {
  abilities: API_TOKEN_ABILITIES.map((name) => ({ name, label: API_TOKEN_ABILITY_LABELS[name] })),
  lifetimes: API_TOKEN_LIFETIMES_IN_DAYS,
}

const toDateTime = (date: Date | null) => (date ? DateTime.fromJSDate(date) : null)

/**
 * What the tokens table shows; the hash never reaches a template.
 */
const listed = (tokens: AccessToken[]) =>
  tokens.map((token) => ({
    id: token.identifier,
    name: token.name ?? 'API sign-in',
    abilities: token.abilities.map((ability) => (ability === '*' ? 'all' : ability)),
    createdAt: toDateTime(token.createdAt),
    lastUsedAt: toDateTime(token.lastUsedAt),
    expiresAt: toDateTime(token.expiresAt),
    isExpired: token.isExpired(),
  }))

/**
 * Settings → API tokens (A9): personal tokens and API sign-ins alike.
 */
export default class ApiTokensController {
  async index({ auth, view }: HttpContext) {
    const tokens = await User.accessTokens.all(auth.use('web').getUserOrFail())
    return view.render('pages/settings/api_tokens', { tokens: listed(tokens), ...formOptions })
  }

  /**
   * The secret is in this response only: it is never stored in plain text.
   */
  async store({ auth, request, response, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const { name, abilities, expiresIn } = await request.validateUsing(createApiTokenValidator)
    const token = await CreateApiToken.handle(user, { name, abilities, expiresInDays: expiresIn })
    const tokens = await User.accessTokens.all(user)
    response.header('Cache-Control', 'no-store')
    return view.render('pages/settings/api_tokens', {
      tokens: listed(tokens),
      newToken: { name: token.name, secret: token.value!.release() },
      ...formOptions,
    })
  }

  async destroy({ auth, params, session, response }: HttpContext) {
    const deleted = await User.accessTokens.delete(auth.use('web').getUserOrFail(), params.id)
    if (!deleted) throw new DomainError('NOT_FOUND', 'That token no longer exists.')
    session.flash('success', 'The token has been revoked. Anything using it is now refused.')
    return response.redirect().toRoute('api_tokens.index')
  }
}
