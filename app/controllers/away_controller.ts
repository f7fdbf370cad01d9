import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import AwayPeriod from '#models/away_period'
import SetAway from '#actions/users/set_away'
import { awayValidator } from '#validators/user'

/**
 * Settings → Away (K8): a member's own away mode.
 */
export default class AwayController {
  async edit({ auth, view }: HttpContext) {
    const away = await AwayPeriod.current(auth.use('web').getUserOrFail().id)
    return view.render('pages/settings/away', { away, ...AwayPeriod.endChoices() })
  }

  async update({ auth, request, session, response }: HttpContext) {
    const { until } = await request.validateUsing(awayValidator)
    await SetAway.handle(
      auth.use('web').getUserOrFail(),
      DateTime.fromJSDate(until, { zone: 'utc' })
    )
    session.flash('success', 'You are away: your streak is frozen and nobody can assign you work.')
    return response.redirect().toRoute('away.edit')
  }

  async destroy({ auth, session, response }: HttpContext) {
    await SetAway.end(auth.use('web').getUserOrFail())
    session.flash('success', 'Welcome back: you can be assigned work again.')
    return response.redirect().toRoute('away.edit')
  }
}
