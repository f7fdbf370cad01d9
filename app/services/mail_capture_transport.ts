import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { NodeMailerMessage } from '@adonisjs/mail/types'

export type CapturedMail = {
  id: string
  to: string
  subject: string
  html: string
  text: string
  sentAt: string
}

const directory = () => app.tmpPath('mail')

/**
 * Development mailer: nothing leaves the machine. Each message is stored as a
 * JSON file the developer reads at /dev/mail (or in tmp/mail/).
 */
export class CaptureTransport extends JSONTransport {
  async send(message: NodeMailerMessage) {
    const response = await super.send(message)
    const sentAt = new Date().toISOString()
    const mail: CapturedMail = {
      id: `${sentAt.replace(/[:.]/g, '-')}-${response.messageId.replace(/[^a-z0-9]/gi, '')}`,
      to: [message.to].flat().map(String).join(', '),
      subject: String(message.subject ?? ''),
      html: String(message.html ?? ''),
      text: String(message.text ?? ''),
      sentAt,
    }
    await mkdir(directory(), { recursive: true })
    await writeFile(`${directory()}/${mail.id}.json`, JSON.stringify(mail, null, 2))
    return response
  }
}

export async function capturedMails(): Promise<CapturedMail[]> {
  const files = await readdir(directory()).catch(() => [] as string[])
  const mails = await Promise.all(
    files
      .filter((file) => file.endsWith('.json'))
      .map(async (file) => JSON.parse(await readFile(`${directory()}/${file}`, 'utf-8')))
  )
  return mails.sort((a, b) => b.sentAt.localeCompare(a.sentAt))
}
