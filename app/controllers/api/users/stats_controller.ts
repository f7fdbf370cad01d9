import type { HttpContext } from '@adonisjs/core/http'
import UserStats from '#actions/users/user_stats'
import { serialize } from '#transformers/envelope'
import UserStatsTransformer from '#transformers/user_stats_transformer'

export default class StatsController {
  async show({ auth }: HttpContext) {
    const stats = await UserStats.handle(auth.use('api').getUserOrFail())
    return serialize(UserStatsTransformer.transform(stats))
  }
}
