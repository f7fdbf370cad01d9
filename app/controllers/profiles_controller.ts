import type { HttpContext } from '@adonisjs/core/http'
import UpdateProfile from '#actions/users/update_profile'
import { EXPERIENCE_LEVELS } from '#enums/profile'
import { updateProfileValidator } from '#validators/user'

/**
 * The signed-in member's own profile (settings → Profile).
 */
export default class ProfilesController {
  async edit({ auth, view }: HttpContext) {
    const user = await auth.use('web').getUserOrFail().loadProfileAndSettings()
    return view.render('pages/settings/profile', { user, experienceLevels: EXPERIENCE_LEVELS })
  }

  async update({ auth, request, session, response }: HttpContext) {
    const data = await request.validateUsing(updateProfileValidator)
    await UpdateProfile.handle(auth.use('web').getUserOrFail(), data)
    session.flash('success', 'Your profile has been saved.')
    return response.redirect().toRoute('profile.edit')
  }
}
