import type { HttpContext } from '@adonisjs/core/http'
import User from '#models/user'
import VerifyTwoFactorChallenge from '#actions/auth/verify_two_factor_challenge'
import { twoFactorChallengeValidator } from '#validators/auth'

export const PENDING_TWO_FACTOR_KEY = 'pending_two_factor'
const PENDING_FOR_MS = 5 * 60_000

type PendingLogin = { userId: string; remember: boolean; startedAt: number }

/**
 * The second sign-in step for accounts with two-factor on: the password was
 * right, the session remembers who for five minutes, not as signed in.
 */
export default class TwoFactorChallengesController {
  async create({ session, view, response }: HttpContext) {
    if (!this.#pending(session)) return response.redirect().toRoute('session.create')
    return view.render('pages/auth/two_factor_challenge')
  }

  async store({ request, session, auth, response }: HttpContext) {
    const pending = this.#pending(session)
    if (!pending) {
      session.flash('error', 'Your sign-in took too long. Please enter your password again.')
      return response.redirect().toRoute('session.create')
    }
    const { code } = await request.validateUsing(twoFactorChallengeValidator)
    const user = await VerifyTwoFactorChallenge.handle(
      await User.findOrFail(pending.userId),
      code,
      request.ip()
    )
    session.forget(PENDING_TWO_FACTOR_KEY)
    await auth.use('web').login(user, pending.remember)
    await session.tag(user.id)
    return response.redirect().toIntendedRoute('home')
  }

  #pending(session: HttpContext['session']) {
    const pending = session.get(PENDING_TWO_FACTOR_KEY) as PendingLogin | undefined
    return pending && Date.now() - pending.startedAt < PENDING_FOR_MS ? pending : null
  }
}
