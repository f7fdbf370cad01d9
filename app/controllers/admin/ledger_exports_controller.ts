import type { HttpContext } from '@adonisjs/core/http'
import ExportLedgerEntries from '#actions/admin/export_ledger_entries'
import LedgerPolicy from '#policies/ledger_policy'
import { ledgerFiltersValidator } from '#validators/ledger'
import { streamCsv } from '#services/csv'

/**
 * The ledger explorer's entries as CSV, with its current filters (I4).
 */
export default class LedgerExportsController {
  async show({ request, response, bouncer }: HttpContext) {
    await bouncer.with(LedgerPolicy).authorize('export')
    const filters = await request.validateUsing(ledgerFiltersValidator, { data: request.qs() })
    const filename = `corps-ledger-${new Date().toISOString().slice(0, 10)}.csv`
    streamCsv(response, filename, ExportLedgerEntries.handle(filters))
  }
}
