import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '#models/attachment'
import {
  bearer,
  failure,
  operation,
  ref,
  success,
  uuidPath,
  type Operation,
  type Schema,
} from '#openapi/builders'

/**
 * Files on bounties, comments and submissions (B6).
 */
const tags = ['Files']

export const fileSchemas: Record<string, Schema> = {
  Attachment: {
    type: 'object',
    required: ['id', 'filename', 'url', 'fileSize', 'mimeType'],
    additionalProperties: false,
    properties: {
      id: ref('Uuid'),
      filename: { type: 'string', maxLength: 255 },
      url: { type: 'string', description: 'GET it with the same Bearer token' },
      fileSize: { type: 'integer', minimum: 1, maximum: MAX_ATTACHMENT_BYTES },
      mimeType: { type: 'string', enum: [...new Set(Object.values(ATTACHMENT_TYPES))] },
    },
  },
}

const fileId = uuidPath('id', 'The file id')

export const filePaths: Record<string, Record<string, Operation>> = {
  '/files/upload': {
    post: operation({
      tags,
      operationId: 'uploadFile',
      summary: 'Upload a file (at most 10 MB: images, PDF, text, ZIP)',
      description: [
        'The type is read from the content, not the name: a file whose bytes do not match its extension is refused.',
        'With `bountyId` the file belongs to the bounty (its poster or a Leader); with `commentId` to the caller’s comment.',
        'Without either it waits, visible to the caller only, until a submission names it in `attachmentIds`.',
      ].join(' '),
      security: bearer('write'),
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', format: 'binary' },
                bountyId: ref('Uuid'),
                commentId: ref('Uuid'),
              },
            },
          },
        },
      },
      responses: {
        ...success('The stored file', ref('Attachment'), { status: 201 }),
        ...failure(404),
        ...failure(422),
      },
    }),
  },
  '/files/{id}': {
    get: operation({
      tags,
      operationId: 'downloadFile',
      summary: 'Download a file',
      description:
        'For whoever may see what it is attached to (a submission’s files: its author and the reviewers). Served with its stored type, `X-Content-Type-Options: nosniff` and `Content-Disposition: attachment` (inline for images).',
      security: bearer('read'),
      parameters: [fileId],
      responses: {
        200: {
          description: 'The bytes, with the type stored at upload',
          content: Object.fromEntries(
            [...new Set(Object.values(ATTACHMENT_TYPES))].map((type) => [
              type,
              { schema: { type: 'string', format: 'binary' } },
            ])
          ),
        },
        ...failure(404),
      },
    }),
    delete: operation({
      tags,
      operationId: 'deleteFile',
      summary: 'Delete a file (its uploader, or a Leader)',
      description: 'Files of submitted work stay as evidence: only a Leader removes them.',
      security: bearer('write'),
      parameters: [fileId],
      responses: { ...success('Deleted', { type: 'null' }), ...failure(404) },
    }),
  },
}
