import type { HttpContext } from '@adonisjs/core/http'
import DeleteAccount from '#actions/users/delete_account'
import { confirmPasswordValidator } from '#validators/user'
import { serialize } from '#transformers/envelope'

export default class AccountsController {
  /**
   * Anonymises the account (A7); every session and token ends with it.
   */
  async destroy({ auth, request }: HttpContext) {
    const { password } = await request.validateUsing(confirmPasswordValidator)
    await DeleteAccount.handle(auth.use('api').getUserOrFail(), password)
    return serialize(null, { message: 'Your account was deleted' })
  }
}
