import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import ExportAccount from '#actions/users/export_account'

export default class AccountExportsController {
  /**
   * Downloads everything the account owns as a JSON file (A7).
   */
  async show({ auth, response }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await ExportAccount.handle(user)
    const filename = `corps-${user.username}-${DateTime.now().toISODate()}.json`
    response.header('Content-Disposition', `attachment; filename="${filename}"`)
    response.header('Cache-Control', 'no-store')
    return response.type('application/json').send(JSON.stringify(data, null, 2))
  }
}
