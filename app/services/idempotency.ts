import { createHash } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { Exception } from '@adonisjs/core/exceptions'

/**
 * Idempotency-Key records (C4): the first response to a key is
 * stored and replayed for 24 hours so a retried money-moving call never runs
 * twice. The unique (user_id, key) index decides which of two concurrent
 * requests runs; the other one is told to retry.
 *
 * A claim whose request died before its response was stored is never taken
 * over blindly. Where the action records its outcome with its movement, in
 * the same statement (`outcome_id`; a tip does), a retry runs the action
 * again, which finds that outcome instead of moving money twice: the route
 * is `resumable`. Elsewhere whether money moved is unknown, so the key stays
 * blocked until it expires and the client checks the outcome and uses a new
 * key.
 */
const REPLAY_WINDOW = '24 hours'

export class IdempotencyRequestInProgress extends Exception {
  static status = 409
  static code = 'IDEMPOTENCY_REQUEST_IN_PROGRESS'
  static message =
    'A request with this Idempotency-Key has not finished: retry shortly, or check its outcome and use a new key'
}

export type RequestFingerprint = {
  method: string
  path: string
  query: Record<string, unknown>
  body: unknown
}

export type Claim =
  | { state: 'claimed'; id: string }
  | { state: 'replay'; status: number; body: unknown }
  | { state: 'in_progress'; id: string | null }
  | { state: 'mismatch' }

export default class Idempotency {
  /**
   * Claims the key for this request, or tells how the earlier request with
   * the same key went.
   */
  static async claim(userId: string, key: string, request: RequestFingerprint): Promise<Claim> {
    const requestHash = this.hash(request)
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await this.insertOrTakeOver(userId, key, request, requestHash)
      if (claimed) return { state: 'claimed', id: claimed }

      const existing = await db
        .from('idempotency_keys')
        .where({ user_id: userId, key })
        .select('id', 'request_hash', 'response_status', 'response_body')
        .first()
      if (!existing) continue
      if (existing.request_hash !== requestHash) return { state: 'mismatch' }
      if (existing.response_status === null) return { state: 'in_progress', id: existing.id }
      return { state: 'replay', status: existing.response_status, body: existing.response_body }
    }
    return { state: 'in_progress', id: null }
  }

  /**
   * For an action that records its outcome, at the start of its
   * transaction: locks the claim (a concurrent attempt with the same key
   * waits here until the first commits) and returns the outcome an earlier
   * attempt committed, if any — the action then returns that instead of
   * moving money again.
   */
  static async resume(trx: TransactionClientContract, claimId: string | undefined) {
    if (!claimId) return null
    const claim = await trx
      .from('idempotency_keys')
      .where('id', claimId)
      .forUpdate()
      .select('outcome_id')
      .first()
    return (claim?.outcome_id as string | null | undefined) ?? null
  }

  /**
   * Records what the request did, in the same transaction as its movement.
   */
  static async recordOutcome(
    trx: TransactionClientContract,
    claimId: string | undefined,
    outcomeId: string
  ) {
    if (!claimId) return
    await trx.from('idempotency_keys').where('id', claimId).update({ outcome_id: outcomeId })
  }

  static async complete(id: string, status: number, body: unknown) {
    await db
      .from('idempotency_keys')
      .where('id', id)
      .update({ response_status: status, response_body: JSON.stringify(body ?? null) })
  }

  /**
   * A request that failed moved nothing: the key is free for a corrected retry.
   */
  static async release(id: string) {
    await db.from('idempotency_keys').where('id', id).delete()
  }

  static hash(request: RequestFingerprint) {
    return createHash('sha256')
      .update(JSON.stringify(canonical(request)))
      .digest('hex')
  }

  private static async insertOrTakeOver(
    userId: string,
    key: string,
    request: RequestFingerprint,
    requestHash: string
  ): Promise<string | undefined> {
    const result = await db.rawQuery(
      `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id, key) DO UPDATE
         SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
             response_status = NULL, response_body = NULL, outcome_id = NULL, created_at = now()
         WHERE idempotency_keys.created_at < now() - interval '${REPLAY_WINDOW}'
       RETURNING id`,
      [userId, key, request.method, request.path.slice(0, 500), requestHash]
    )
    return result.rows[0]?.id
  }
}

/**
 * Key order must not make two equal JSON bodies look different.
 */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])])
    )
  }
  return value
}
