import { test } from '@japa/runner'
import { rm } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import mail from '@adonisjs/mail/services/main'
import { capturedMails } from '#services/mail_capture_transport'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'

async function testMail() {
  const mails = await capturedMails()
  return mails.find((item) => item.to === 'viewer-test@example.com')!
}

test.group('Development mail viewer', (group) => {
  isolateDatabase(group)
  group.each.setup(async () => {
    await mail.use('capture').send((message) => {
      message
        .to('viewer-test@example.com')
        .subject('Viewer test mail')
        .html('<p style="color:red">Hello <strong>there</strong></p><script>alert(1)</script>')
        .text('Hello there')
    })
    return async () => {
      for (const captured of await capturedMails()) {
        if (captured.to === 'viewer-test@example.com') {
          await rm(app.tmpPath('mail', `${captured.id}.json`), { force: true })
        }
      }
    }
  })

  test('lists captured mails and shows one with its text', async ({ client }) => {
    const captured = await testMail()
    const list = await client.get(urlFor('dev.mails.index'))
    list.assertTextIncludes('Viewer test mail')
    const page = await client.get(urlFor('dev.mails.show', { id: captured.id }))
    page.assertTextIncludes('Hello there')
    page.assertTextIncludes(`sandbox src="/dev/mail/${captured.id}/html"`)
  })

  test('serves the HTML part in a sandbox that runs no script', async ({ client, assert }) => {
    const captured = await testMail()
    const response = await client.get(urlFor('dev.mail_bodies.show', { id: captured.id }))
    response.assertStatus(200)
    response.assertTextIncludes('<strong>there</strong>')
    const policy = response.header('content-security-policy')
    assert.include(policy, 'sandbox')
    assert.include(policy, "default-src 'none'")
    assert.notInclude(policy, 'script-src')
    response.assertHeader('x-frame-options', 'SAMEORIGIN')
  })

  test('an unknown mail is not found', async ({ client }) => {
    const response = await client.get(urlFor('dev.mails.show', { id: 'no-such-mail' }))
    response.assertStatus(404)
  })

  test('from another machine only a signed-in admin may read the mails', async ({
    client,
    assert,
  }) => {
    const captured = await testMail()
    const urls = [
      urlFor('dev.mails.index'),
      urlFor('dev.mails.show', { id: captured.id }),
      urlFor('dev.mail_bodies.show', { id: captured.id }),
    ]
    // Loopback is the trusted proxy, so this is the address the app sees.
    const remote = '203.0.113.7'
    const member = await UserFactory.apply('verified').create()
    const admin = await UserFactory.apply('admin').create()

    for (const url of urls) {
      const guest = await client.get(url).header('x-forwarded-for', remote)
      guest.assertStatus(403)
      assert.notInclude(guest.text(), 'Viewer test mail')
      const signedIn = await client.get(url).header('x-forwarded-for', remote).loginAs(member)
      signedIn.assertStatus(403)
      const byAdmin = await client.get(url).header('x-forwarded-for', remote).loginAs(admin)
      byAdmin.assertStatus(200)
    }
  })
})
