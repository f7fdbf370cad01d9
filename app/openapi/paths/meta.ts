import { operation, type Operation } from '#openapi/builders'

export const metaPaths: Record<string, Record<string, Operation>> = {
  '/openapi.json': {
    get: operation({
      tags: ['Meta'],
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      description:
        'The OpenAPI 3.1 description of every /api/v1 endpoint. Returned as is, without the envelope.',
      responses: {
        200: {
          description: 'The OpenAPI document',
          content: {
            'application/json': {
              schema: { type: 'object', required: ['openapi', 'info', 'paths'] },
            },
          },
        },
      },
    }),
  },
}
