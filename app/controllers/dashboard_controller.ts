import type { HttpContext } from '@adonisjs/core/http'
import DashboardOverview from '#actions/users/dashboard_overview'

/**
 * The member's own corner (H1): what DashboardOverview gathers for them.
 */
export default class DashboardController {
  async show({ auth, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    return view.render('pages/dashboard/show', await DashboardOverview.handle(user))
  }
}
