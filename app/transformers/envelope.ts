import { BaseSerializer } from '@adonisjs/core/transformers'

/**
 * The API's response envelope. Every
 * /api/v1 body goes through here: `serialize` for successes (controllers),
 * `errorEnvelope` for failures (the exception handler).
 */
export const API_VERSION = 'v1'

export type Pagination = { page: number; limit: number; total: number; totalPages: number }

export type ErrorDetail = { field: string; message: string; rule: string }

class EnvelopeSerializer extends BaseSerializer<{ Wrap: 'data'; PaginationMetaData: Pagination }> {
  wrap = 'data' as const

  definePaginationMetaData(metaData: unknown): Pagination {
    if (!this.isLucidPaginatorMetaData(metaData)) {
      throw new TypeError('Paginate with the Lucid paginator metadata (paginator.getMeta())')
    }
    return {
      page: Number(metaData.currentPage),
      limit: Number(metaData.perPage),
      total: Number(metaData.total),
      totalPages: Number(metaData.lastPage),
    }
  }
}

const serializer = new EnvelopeSerializer()

/**
 * Wraps a transformer result (item, collection, paginator or a record of
 * them) in the success envelope. `null` is allowed for bodiless successes
 * that only carry a message.
 */
export async function serialize(resource: unknown, options: { message?: string } = {}) {
  const { data, metadata } =
    resource === null
      ? { data: null, metadata: undefined }
      : ((await serializer.serialize(resource)) as { data: unknown; metadata?: Pagination })

  return {
    success: true as const,
    data,
    ...(options.message ? { message: options.message } : {}),
    meta: {
      timestamp: new Date().toISOString(),
      version: API_VERSION,
      ...(metadata ? { pagination: metadata } : {}),
    },
  }
}

export function errorEnvelope(
  error: { code: string; message: string; details?: ErrorDetail[] },
  requestId: string | undefined
) {
  return {
    success: false as const,
    error: {
      code: error.code,
      message: error.message,
      ...(error.details?.length ? { details: error.details } : {}),
    },
    meta: { timestamp: new Date().toISOString(), requestId: requestId ?? '' },
  }
}
