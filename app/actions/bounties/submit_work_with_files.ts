import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type Attachment from '#models/attachment'
import type Bounty from '#models/bounty'
import type User from '#models/user'
import StoreAttachment from '#actions/bounties/store_attachment'
import DeleteAttachment from '#actions/bounties/delete_attachment'
import SubmitWork from '#actions/bounties/submit_work'

/**
 * Work delivered from the bounty page (B3, B6): the form carries the files
 * themselves, where the API uploads them first and names them by id. The
 * files are stored, then submitted with the note; when either step is
 * refused (a file that is not what it claims, work already submitted) the
 * files stored so far are removed again, so a refusal leaves nothing behind.
 */
export default class SubmitWorkWithFiles {
  static async handle(
    assignee: User,
    bounty: Bounty,
    data: { note: string; files?: MultipartFile[] }
  ) {
    const stored: Attachment[] = []
    try {
      for (const file of data.files ?? []) {
        stored.push(await StoreAttachment.handle(assignee, file))
      }
      return await SubmitWork.handle(assignee, bounty, {
        note: data.note,
        attachmentIds: stored.map((attachment) => attachment.id),
      })
    } catch (error) {
      await Promise.all(stored.map((attachment) => DeleteAttachment.handle(attachment)))
      throw error
    }
  }
}
