import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { verifyLedger, type LedgerReport, type VerifyProgress } from '#ledger/verify'
import AuditLog, { type AuditActor } from '#models/audit_log'
import LedgerVerification, { type VerificationSource } from '#models/ledger_verification'
import VerifyLedgerJob from '#jobs/verify_ledger_job'

/**
 * Runs `verifyLedger()` and keeps its result (I4): from the command, the
 * nightly schedule, or a run an admin queued (`verificationId`). A run
 * that throws is kept too, finished with its error, so the page never
 * shows "running" for a run that is gone.
 */
export default class RunLedgerVerification {
  static async handle(options: {
    source: VerificationSource
    verificationId?: string
    batchSize?: number
    onProgress?: (progress: VerifyProgress) => void
  }): Promise<{ verification: LedgerVerification; report: LedgerReport }> {
    const verification = options.verificationId
      ? await LedgerVerification.findOrFail(options.verificationId)
      : new LedgerVerification().merge({ source: options.source })
    verification.startedAt = DateTime.now()
    await verification.save()
    try {
      const report = await verifyLedger({
        batchSize: options.batchSize,
        onProgress: options.onProgress,
      })
      await verification
        .merge({
          finishedAt: DateTime.now(),
          durationMs: report.durationMs,
          ok: report.ok,
          problemCount: report.problemCount,
          problems: report.problems,
          accountsCounted: report.counts.accounts,
          entriesCounted: report.counts.entries,
          postingsCounted: report.counts.postings,
        })
        .save()
      return { verification, report }
    } catch (error) {
      await verification
        .merge({
          finishedAt: DateTime.now(),
          durationMs: Math.round(DateTime.now().diff(verification.startedAt).milliseconds),
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        })
        .save()
      throw error
    }
  }

  /**
   * "Verify now": a queued run the worker picks up. A run already queued
   * or running is returned instead of queueing a second one.
   */
  static async request(actor: AuditActor) {
    return db.transaction(async (trx) => {
      await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', ['ledger_verifications'])
      const pending = await LedgerVerification.query({ client: trx })
        .whereNull('finished_at')
        .first()
      if (pending) return pending
      const verification = await LedgerVerification.create(
        { source: 'admin', requestedById: actor.user.id },
        { client: trx }
      )
      await AuditLog.record(
        actor,
        {
          action: 'ledger.verification_requested',
          subject: { type: 'ledger_verification', id: verification.id },
        },
        trx
      )
      await VerifyLedgerJob.push({ verificationId: verification.id }, trx)
      return verification
    })
  }
}
