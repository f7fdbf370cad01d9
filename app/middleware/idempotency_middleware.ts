import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { errors as vineErrors } from '@vinejs/vine'
import { DomainError } from '#exceptions/domain_error'
import Idempotency, { IdempotencyRequestInProgress } from '#services/idempotency'

const KEY_FORMAT = /^[\x21-\x7e]{1,255}$/

/**
 * `Idempotency-Key` for money-moving POSTs (C4). Runs after apiAuth:
 * keys belong to the caller. A refusal (4xx) moved nothing, so its key is
 * freed for a corrected retry. A success is replayed, and so is a server
 * failure (5xx): after one, nobody can tell whether money moved, and running
 * the request again could move it twice. A `resumable` route's action
 * records its outcome with its movement (`ctx.idempotencyClaimId`), so a
 * retry of a request that never stored its response runs it again and gets
 * that outcome back (see Idempotency).
 */

declare module '@adonisjs/core/http' {
  interface HttpContext {
    /**
     * The Idempotency-Key claim this request holds, for an action that
     * records its outcome with its movement.
     */
    idempotencyClaimId?: string
  }
}
export default class IdempotencyMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { resumable?: boolean } = {}) {
    const key = ctx.request.header('idempotency-key')
    if (key === undefined) return next()
    if (!KEY_FORMAT.test(key)) {
      throw new vineErrors.E_VALIDATION_ERROR([
        {
          field: 'Idempotency-Key',
          message: 'Use 1 to 255 visible ASCII characters (a UUID is a good choice)',
          rule: 'regex',
        },
      ])
    }

    const user = ctx.auth.use('api').getUserOrFail()
    const claim = await Idempotency.claim(user.id, key, {
      method: ctx.request.method(),
      path: ctx.request.url(),
      query: ctx.request.qs(),
      body: ctx.request.body(),
    })

    if (claim.state === 'mismatch') {
      throw new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request',
        { field: 'Idempotency-Key' }
      )
    }
    if (claim.state === 'replay') {
      ctx.response.header('Idempotent-Replayed', 'true')
      return ctx.response.status(claim.status).json(claim.body)
    }
    const claimId = claim.state === 'claimed' || options.resumable ? claim.id : null
    if (!claimId) throw new IdempotencyRequestInProgress()

    ctx.idempotencyClaimId = claimId
    await next()

    const status = ctx.response.getStatus()
    if (status >= 400 && status < 500) return Idempotency.release(claimId)

    /*
     * Failing to store the response must not turn a success into an error
     * the client would retry with a new key.
     */
    await Idempotency.complete(claimId, status, ctx.response.getBody()).catch((error) =>
      ctx.logger.error({ err: error }, 'could not store the Idempotency-Key response')
    )
  }
}
