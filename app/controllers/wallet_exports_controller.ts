import type { HttpContext } from '@adonisjs/core/http'
import ExportTransactions from '#actions/wallet/export_transactions'
import { streamCsv } from '#services/csv'
import { transactionFiltersValidator } from '#validators/wallet'

/**
 * The member's history as CSV, with the same filters as the wallet page.
 */
export default class WalletExportsController {
  async show({ auth, request, response }: HttpContext) {
    const { type, status, from, to } = await request.validateUsing(transactionFiltersValidator, {
      data: request.qs(),
    })
    const user = auth.use('web').getUserOrFail()
    const filename = `corps-wallet-${user.username}-${new Date().toISOString().slice(0, 10)}.csv`
    streamCsv(response, filename, ExportTransactions.handle(user, { type, status, from, to }))
  }
}
