import type { HttpContext } from '@adonisjs/core/http'
import { capturedMails } from '#services/mail_capture_transport'
import { readCapturedMail } from '#abilities/main'

/**
 * A captured mail's HTML, for the sandboxed iframe on the mail page: no
 * scripts, no requests, only its own inline styles and images.
 */
export default class MailBodiesController {
  async show({ bouncer, params, request, response }: HttpContext) {
    await bouncer.authorize(readCapturedMail, request.ip())
    const mails = await capturedMails()
    const mail = mails.find((item) => item.id === params.id)
    if (!mail) return response.notFound('No such mail')
    response.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox"
    )
    response.header('X-Frame-Options', 'SAMEORIGIN')
    return response.type('text/html').send(mail.html)
  }
}
