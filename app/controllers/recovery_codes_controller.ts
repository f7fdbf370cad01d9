import type { HttpContext } from '@adonisjs/core/http'
import RegenerateRecoveryCodes from '#actions/users/regenerate_recovery_codes'
import { confirmPasswordValidator } from '#validators/user'

export default class RecoveryCodesController {
  async store({ auth, request, response, view }: HttpContext) {
    const { password } = await request.validateUsing(confirmPasswordValidator)
    const codes = await RegenerateRecoveryCodes.handle(auth.use('web').getUserOrFail(), password)
    response.header('Cache-Control', 'no-store')
    return view.render('pages/settings/recovery_codes', { codes, justEnabled: false })
  }
}
