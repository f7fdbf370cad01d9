import { test } from '@japa/runner'
import { Writable } from 'node:stream'
import { Logger } from '@adonisjs/core/logger'
import loggerConfig from '#config/logger'

test.group('Logger redaction', () => {
  test('passwords, tokens, secrets and auth headers never reach the logs', ({ assert }) => {
    const lines: string[] = []
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(chunk.toString())
        done()
      },
    })
    const logger = new Logger({
      enabled: true,
      name: 'corps',
      level: 'info',
      redact: loggerConfig.loggers.app.redact,
      destination,
    })

    logger.info(
      {
        password: 'Hunter2secret',
        body: {
          password: 'Hunter2secret',
          passwordConfirmation: 'Hunter2secret',
          token: 'crp_abc',
        },
        secret: 'totp-seed',
        headers: { authorization: 'Bearer crp_abc', cookie: 'corps-session=xyz' },
        userId: 'visible-user-id',
      },
      'request'
    )

    const output = lines.join('')
    assert.notInclude(output, 'Hunter2secret')
    assert.notInclude(output, 'crp_abc')
    assert.notInclude(output, 'totp-seed')
    assert.notInclude(output, 'corps-session=xyz')
    assert.include(output, 'visible-user-id')
    assert.include(output, '[redacted]')
  })
})
