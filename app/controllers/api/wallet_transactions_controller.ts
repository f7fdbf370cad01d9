import type { HttpContext } from '@adonisjs/core/http'
import Transaction from '#models/transaction'
import { transactionFiltersValidator } from '#validators/wallet'
import { serialize } from '#transformers/envelope'
import TransactionTransformer from '#transformers/transaction_transformer'

/**
 * The caller's own history, filtered and paginated.
 */
export default class WalletTransactionsController {
  async index({ auth, request }: HttpContext) {
    const {
      page = 1,
      limit = 20,
      ...filters
    } = await request.validateUsing(transactionFiltersValidator)
    const user = auth.use('api').getUserOrFail()
    const history = await Transaction.historyOf(user, filters).paginate(page, limit)
    return serialize(TransactionTransformer.paginate(history.all(), history.getMeta()))
  }
}
