import type { HttpContext } from '@adonisjs/core/http'
import { capturedMails } from '#services/mail_capture_transport'
import { DomainError } from '#exceptions/domain_error'
import { readCapturedMail } from '#abilities/main'

/**
 * Development only: the mails the capture mailer kept in tmp/mail/.
 */
export default class MailsController {
  async index({ bouncer, request, view }: HttpContext) {
    await bouncer.authorize(readCapturedMail, request.ip())
    return view.render('pages/dev/mails/index', { mails: await capturedMails() })
  }

  async show({ bouncer, params, request, view }: HttpContext) {
    await bouncer.authorize(readCapturedMail, request.ip())
    const mails = await capturedMails()
    const mail = mails.find((item) => item.id === params.id)
    if (!mail) throw new DomainError('NOT_FOUND', 'No such mail')
    return view.render('pages/dev/mails/show', { mail })
  }
}
