import type { HttpContext } from '@adonisjs/core/http'
import UpdateSettings from '#actions/users/update_settings'
import { apiUpdateSettingsValidator } from '#validators/api/user'
import { serialize } from '#transformers/envelope'
import UserSettingsTransformer from '#transformers/user_settings_transformer'

export default class SettingsController {
  async update({ auth, request }: HttpContext) {
    const data = await request.validateUsing(apiUpdateSettingsValidator)
    const settings = await UpdateSettings.handle(auth.use('api').getUserOrFail(), data)
    return serialize(UserSettingsTransformer.transform(settings), { message: 'Settings saved' })
  }
}
