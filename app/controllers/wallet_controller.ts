import type { HttpContext } from '@adonisjs/core/http'
import Ledger, { accounts } from '#ledger/ledger'
import { dailyBalanceChart } from '#charts/balance_chart'
import Transaction from '#models/transaction'
import {
  TRANSACTION_STATUSES,
  TRANSACTION_STATUS_LABELS,
  TRANSACTION_TYPES,
  TRANSACTION_TYPE_LABELS,
} from '#enums/transaction'
import { transactionFiltersValidator } from '#validators/wallet'
import { filterQuery } from '#validators/rules/filter_query'

const PER_PAGE = 20
const TREND_DAYS = 30

/**
 * The member's wallet page: balance, held amount and filtered history.
 */
export default class WalletController {
  async show({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const query = filterQuery(request.qs(), ['type', 'status', 'from', 'to'])
    const [filterError, filters] = await transactionFiltersValidator.tryValidate({
      ...query,
      page: request.qs().page,
    })
    const { page = 1, type, status, from, to } = filters ?? {}
    const history = await Transaction.historyOf(user, { type, status, from, to }).paginate(
      page,
      PER_PAGE
    )
    history.baseUrl(request.url()).queryString(query)
    const wallet = accounts.wallet(user.id)
    const [balances, trend] = await Promise.all([
      Ledger.balances(wallet),
      dailyBalanceChart(wallet, TREND_DAYS),
    ])
    return view.render('pages/wallet/show', {
      balances,
      trend,
      history,
      query,
      filterError: filterError ? 'Some filters were not valid and were ignored.' : null,
      types: TRANSACTION_TYPES,
      statuses: TRANSACTION_STATUSES,
      typeLabels: TRANSACTION_TYPE_LABELS,
      statusLabels: TRANSACTION_STATUS_LABELS,
    })
  }
}
