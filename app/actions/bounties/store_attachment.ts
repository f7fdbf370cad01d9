import { randomUUID } from 'node:crypto'
import { open } from 'node:fs/promises'
import { fileTypeFromFile } from 'file-type'
import { errors as vineErrors } from '@vinejs/vine'
import drive from '@adonisjs/drive/services/main'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import Attachment, {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  TEXT_EXTENSIONS,
} from '#models/attachment'
import type Bounty from '#models/bounty'
import type BountyComment from '#models/bounty_comment'
import type User from '#models/user'
import { trailingCharacters } from '#services/text'
import { BIDI_CONTROLS } from '#validators/rules/text'

/**
 * Stores an upload (B6) on the private disk and records it, on a bounty or
 * a comment, or unattached for a submission to claim later. The type comes
 * from the bytes: a PNG must look like a PNG, and a "text" file that is
 * really a binary format is refused (a validation error on `file`, like the
 * validator's own extension and size checks).
 */
export default class StoreAttachment {
  static async handle(
    uploader: User,
    file: MultipartFile,
    target: { bounty?: Bounty; comment?: BountyComment } = {}
  ) {
    const mimeType = await detectType(file)
    const extension = file.extname!.toLowerCase()
    const storageKey = `attachments/${randomUUID()}.${extension}`
    await file.moveToDisk(storageKey)

    try {
      return await Attachment.create({
        userId: uploader.id,
        bountyId: target.comment?.bountyId ?? target.bounty?.id ?? null,
        commentId: target.comment?.id ?? null,
        filename: displayName(file.clientName),
        storageKey,
        fileSize: file.size,
        mimeType,
      })
    } catch (error) {
      await drive.use().delete(storageKey)
      throw error
    }
  }
}

async function detectType(file: MultipartFile) {
  const refuse = (message: string): never => {
    throw new vineErrors.E_VALIDATION_ERROR([{ field: 'file', message, rule: 'file.content' }])
  }
  if (!file.tmpPath || file.size <= 0) return refuse('The file is empty')
  if (file.size > MAX_ATTACHMENT_BYTES) return refuse('Files can be at most 10 MB')

  const claimed = file.clientName.split('.').pop()?.toLowerCase() ?? ''
  const detected = await fileTypeFromFile(file.tmpPath)
  if (TEXT_EXTENSIONS.includes(claimed)) {
    if (detected || !(await looksLikeText(file.tmpPath))) {
      return refuse('This file is not plain text')
    }
    return ATTACHMENT_TYPES[claimed]
  }
  const expected = ATTACHMENT_TYPES[claimed]
  if (!detected || !expected || detected.mime !== expected) {
    return refuse('The file content does not match its type (images, PDF, text or ZIP)')
  }
  return expected
}

/**
 * UTF-8 text without NUL bytes, judged on its first 8 KB.
 */
async function looksLikeText(path: string) {
  const handle = await open(path)
  const { buffer, bytesRead } = await handle
    .read(Buffer.alloc(8192), 0, 8192, 0)
    .finally(() => handle.close())
  const head = buffer.subarray(0, bytesRead)
  if (head.includes(0)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return true
  } catch {
    return false
  }
}

/**
 * The column's length (varchar counts code points).
 */
const MAX_NAME_LENGTH = 255

/**
 * The name shown to people: no directories, no control characters (nor
 * direction controls, which make "x‮fdp.exe" read "xexe.pdf"), and
 * when too long its end (which keeps the extension), cut between characters.
 */
function displayName(clientName: string) {
  const base = clientName.split(/[\\/]/).pop() ?? 'file'
  const clean = [...base.replace(BIDI_CONTROLS, '')]
    .filter((char) => char >= ' ' && char !== '\u007f')
    .join('')
    .trim()
  return trailingCharacters(clean || 'file', MAX_NAME_LENGTH)
}
