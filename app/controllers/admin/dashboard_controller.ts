import type { HttpContext } from '@adonisjs/core/http'
import DashboardFigures from '#actions/admin/dashboard_figures'
import AdminDashboardPolicy from '#policies/admin_dashboard_policy'
import { BOUNTY_STATUS_LABELS } from '#enums/bounty'

/**
 * The admin dashboard (I1): Corps at a glance, each figure linking into
 * its list.
 */
export default class DashboardController {
  async show({ view, bouncer }: HttpContext) {
    await bouncer.with(AdminDashboardPolicy).authorize('view')
    const figures = await DashboardFigures.handle()
    return view.render('pages/admin/dashboard/show', {
      ...figures,
      statusLabels: BOUNTY_STATUS_LABELS,
    })
  }
}
