import type { HttpContext } from '@adonisjs/core/http'
import DashboardStats from '#actions/users/dashboard_stats'
import { serialize } from '#transformers/envelope'
import DashboardStatsTransformer from '#transformers/dashboard_stats_transformer'

export default class StatsController {
  async show({ auth }: HttpContext) {
    const stats = await DashboardStats.handle(auth.use('api').getUserOrFail())
    return serialize(DashboardStatsTransformer.transform(stats))
  }
}
