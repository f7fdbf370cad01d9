import { test } from '@japa/runner'
import UserSession from '#models/user_session'

const agents = [
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    'Chrome on Linux',
  ],
  [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
    'Edge on Windows',
  ],
  [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
    'Safari on macOS',
  ],
  [
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1',
    'Chrome on iOS',
  ],
  ['Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0', 'Firefox on Android'],
  [
    'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36',
    'Chrome on ChromeOS',
  ],
  ['curl/8.5.0', 'curl'],
  ['', 'Unknown device'],
] as const

test.group('UserSession device label', () => {
  test('"{1}" for {0}')
    .with(agents.map(([agent, label]) => [agent || '(none)', label]))
    .run(({ assert }, [agent, label]) => {
      const session = new UserSession()
      session.userAgent = agent === '(none)' ? null : agent
      assert.equal(session.device, label)
    })

  test('the public id is a digest, never the session id', ({ assert }) => {
    const session = new UserSession()
    session.id = 'd6f1c1a4-5b8e-4a53-9d1f-123456789abc'
    assert.match(session.publicId, /^[a-f0-9]{32}$/)
    assert.notInclude(session.publicId, 'd6f1c1a4')
  })
})
