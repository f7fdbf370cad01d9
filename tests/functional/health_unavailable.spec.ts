import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import app from '@adonisjs/core/services/app'
import { freePort } from '#tests/helpers/network'

test.group('Health without a database', () => {
  test('GET /health answers 503 when PostgreSQL is unreachable', async ({ assert, cleanup }) => {
    const [appPort, deadDbPort] = await Promise.all([freePort(), freePort()])
    const server = spawn(process.execPath, ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
      cwd: app.makePath(),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(appPort),
        HOST: '127.0.0.1',
        DB_HOST: '127.0.0.1',
        DB_PORT: String(deadDbPort),
        DATABASE_URL: '',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    })
    cleanup(() => void server.kill('SIGTERM'))

    let response: Response | undefined
    for (let attempt = 0; attempt < 100 && !response; attempt++) {
      response = await fetch(`http://127.0.0.1:${appPort}/health`).catch(() => undefined)
      if (!response) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    assert.equal(response?.status, 503)
    const body = (await response!.json()) as { status: string }
    assert.equal(body.status, 'unavailable')
  }).timeout(20000)
})
