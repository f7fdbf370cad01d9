import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'

export async function bearerFor(user: User, abilities: string[] = ['*']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

export async function memberWithToken(abilities: string[] = ['*']) {
  const user = await UserFactory.apply('verified').create()
  return { user, authorization: await bearerFor(user, abilities) }
}
