import { healthChecks } from '#start/health'
import type { HttpContext } from '@adonisjs/core/http'

export default class HealthChecksController {
  /**
   * 200 when the app and its database are up, 503 otherwise (seed 004).
   */
  async show({ response }: HttpContext) {
    const report = await healthChecks.run()
    const status = report.isHealthy ? 'ok' : 'unavailable'
    return response.status(report.isHealthy ? 200 : 503).json({
      status,
      checks: report.checks.map((check) => ({
        name: check.name,
        status: check.status,
        message: check.message,
      })),
    })
  }
}
