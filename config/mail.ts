import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import { CaptureTransport } from '#services/mail_capture_transport'

/**
 * `capture` (the default outside production) sends nothing: every message is
 * written to tmp/mail/ and listed at /dev/mail in development.
 */
const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER'),
  from: { address: 'no-reply@corps.local', name: 'Corps' },
  mailers: {
    capture: () => new CaptureTransport(),
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', 'localhost'),
      port: env.get('SMTP_PORT', 25),
    }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
