import type { HttpContext } from '@adonisjs/core/http'
import UpdateSettings from '#actions/users/update_settings'
import { PROFILE_VISIBILITIES } from '#enums/profile'
import { updateSettingsValidator } from '#validators/user'
import { TIMEZONE_OPTIONS } from '#validators/rules/timezone'

/**
 * Settings → Notifications & privacy (A6).
 */
export default class SettingsController {
  async edit({ auth, view }: HttpContext) {
    const user = await auth.use('web').getUserOrFail().loadProfileAndSettings()
    return view.render('pages/settings/notifications', {
      user,
      visibilities: PROFILE_VISIBILITIES,
      timezones: TIMEZONE_OPTIONS,
    })
  }

  async update({ auth, request, session, response }: HttpContext) {
    const data = await request.validateUsing(updateSettingsValidator)
    await UpdateSettings.handle(auth.use('web').getUserOrFail(), data)
    session.flash('success', 'Your preferences have been saved.')
    return response.redirect().toRoute('settings.edit')
  }
}
