import vine from '@vinejs/vine'
import { API_TOKEN_ABILITIES, API_TOKEN_LIFETIMES_IN_DAYS } from '#enums/api_token_ability'
import { text } from '#validators/rules/text'

const lifetimes = API_TOKEN_LIFETIMES_IN_DAYS.map((days) =>
  days === null ? 'never' : String(days)
)

export const createApiTokenValidator = vine.create({
  name: text().minLength(1).maxLength(60),
  abilities: vine.array(vine.enum(API_TOKEN_ABILITIES)).minLength(1).distinct(),
  expiresIn: vine.enum(lifetimes).transform((value) => (value === 'never' ? null : Number(value))),
})
