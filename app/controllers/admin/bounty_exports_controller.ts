import type { HttpContext } from '@adonisjs/core/http'
import ExportBounties from '#actions/admin/export_bounties'
import BountyPolicy from '#policies/bounty_policy'
import { adminBountyFiltersValidator } from '#validators/bounty'
import { streamCsv } from '#services/csv'

/**
 * The admin bounty list as CSV, with the list's current filters (I3).
 */
export default class BountyExportsController {
  async show({ auth, request, response, bouncer }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('moderate')
    const { draft, ...filters } = await request.validateUsing(adminBountyFiltersValidator, {
      data: request.qs(),
    })
    const filename = `corps-bounties-${new Date().toISOString().slice(0, 10)}.csv`
    streamCsv(
      response,
      filename,
      ExportBounties.handle(auth.getUserOrFail(), { ...filters, drafts: draft })
    )
  }
}
