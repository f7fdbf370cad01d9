import type { HttpContext } from '@adonisjs/core/http'
import LedgerEntry from '#models/ledger_entry'
import LedgerPolicy from '#policies/ledger_policy'
import { LEDGER_ENTRY_KINDS, LEDGER_FILTER_KEYS, ledgerFiltersValidator } from '#validators/ledger'
import { readFilters } from '#validators/rules/filters'

const PER_PAGE = 50

/**
 * The ledger explorer (I4): every journal entry, newest first, by keyset
 * pages; an entry's page with its postings and what caused it.
 */
export default class LedgerController {
  async index({ request, view, bouncer }: HttpContext) {
    await bouncer.with(LedgerPolicy).authorize('viewAny')
    const { query, filters, problems } = await readFilters(
      ledgerFiltersValidator,
      request.qs(),
      LEDGER_FILTER_KEYS
    )
    const { entries, next } = await LedgerEntry.explore(filters, PER_PAGE)
    const carried = { ...query }
    delete carried.before
    return view.render('pages/admin/ledger/index', {
      entries,
      next,
      query: carried,
      paged: Boolean(filters.before),
      problems,
      kinds: LEDGER_ENTRY_KINDS,
    })
  }

  async show({ params, view, bouncer }: HttpContext) {
    await bouncer.with(LedgerPolicy).authorize('viewAny')
    const entry = await LedgerEntry.findWithCauseOrFail(params.id)
    return view.render('pages/admin/ledger/show', { entry })
  }
}
