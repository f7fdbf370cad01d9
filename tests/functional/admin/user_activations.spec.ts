import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import VerifyEmailNotification from '#mails/verify_email_notification'
import AuditLog from '#models/audit_log'
import User from '#models/user'
import SetActivation from '#actions/admin/set_activation'
import { INACTIVE_ACCOUNT_MESSAGE } from '#actions/auth/authenticate_user'
import { UserFactory } from '#database/factories/user_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { countRows, signIn } from '#tests/helpers/accounts'
import { bearerFor } from '#tests/functional/api/support'

function setActive(client: any, as: User, member: User, active: boolean) {
  return client
    .put(`/admin/users/${member.id}/activation`)
    .form({ active: String(active) })
    .withCsrfToken()
    .loginAs(as)
    .redirects(0)
}

async function isActive(user: User) {
  const fresh = await User.findOrFail(user.id)
  return fresh.isActive
}

test.group('Admin deactivates and reactivates a member', (group) => {
  isolateDatabase(group)

  test('deactivating ends every session, remember-me and API token at once', async ({
    client,
    assert,
  }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    const login = await signIn(client, member, { remember: true })
    const authorization = await bearerFor(member)
    assert.equal(await countRows('sessions', { user_id: member.id }), 1)
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: member.id }), 1)

    const response = await setActive(client, admin, member, false)

    response.assertStatus(302)
    response.assertFlashMessage(
      'success',
      `@${member.username} was deactivated and signed out everywhere.`
    )
    assert.isFalse(await isActive(member))
    assert.equal(await countRows('sessions', { user_id: member.id }), 0)
    assert.equal(await countRows('remember_me_tokens', { tokenable_id: member.id }), 0)
    assert.equal(await countRows('auth_access_tokens', { tokenable_id: member.id }), 0)

    const page = await client.get('/dashboard').inSessionOf(login).redirects(0)
    page.assertStatus(302)
    page.assertHeader('location', '/login')
    page.assertFlashMessage('error', INACTIVE_ACCOUNT_MESSAGE)
    const api = await client.get('/api/v1/users/profile').header('authorization', authorization)
    api.assertStatus(401)

    const entry = await AuditLog.query().where('action', 'user.deactivated').firstOrFail()
    assert.equal(entry.actorId, admin.id)
    assert.deepEqual(entry.data, { before: { active: true }, after: { active: false } })
  })

  test('a deactivated member cannot sign in until reactivated', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()
    await setActive(client, admin, member, false)

    const refused = await signIn(client, member)
    refused.assertFlashMessage('error', INACTIVE_ACCOUNT_MESSAGE)

    const response = await setActive(client, admin, member, true)
    response.assertFlashMessage('success', `@${member.username} was reactivated.`)
    assert.isTrue(await isActive(member))
    const accepted = await signIn(client, member)
    accepted.assertHeader('location', '/')
    assert.equal(await countRows('audit_logs', { action: 'user.reactivated' }), 1)
  })

  test('a Leader may deactivate another Leader', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const other = await UserFactory.apply('admin').create()

    await setActive(client, admin, other, false)

    assert.isFalse(await isActive(other))
  })

  test('a Leader cannot deactivate themselves', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    await UserFactory.apply('admin').create()

    const response = await setActive(client, admin, admin, false)

    response.assertFlashMessage('error', 'You cannot deactivate your own account')
    assert.isTrue(await isActive(admin))
  })

  test('the last active Leader stays active', async ({ assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const retired = await UserFactory.apply('admin').apply('inactive').create()

    await assert.rejects(
      () => SetActivation.handle({ user: retired, ip: null }, admin, false),
      'Corps needs at least one active Leader.'
    )
    assert.isTrue(await isActive(admin))
  })

  test('a malformed value is a form error and changes nothing', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()

    const response = await client
      .put(`/admin/users/${member.id}/activation`)
      .form({ active: 'perhaps' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(302)
    assert.property(response.flashMessages().inputErrorsBag, 'active')
    assert.isTrue(await isActive(member))
  })

  for (const role of ['pillar', 'verified'] as const) {
    test(`a ${role === 'pillar' ? 'HASHIRA' : 'SLAYER'} cannot deactivate anyone`, async ({
      client,
      assert,
    }) => {
      const actor = await UserFactory.apply(role).create()
      const member = await UserFactory.create()

      const response = await setActive(client, actor, member, false)

      response.assertFlashMessage('error', 'Access denied')
      assert.isTrue(await isActive(member))
      assert.equal(await countRows('audit_logs'), 0)
    })
  }
})

test.group('Admin resends a verification link', (group) => {
  isolateDatabase(group)

  test('queues the verification mail and audits it', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.create()
    const { mails } = mail.fake()

    const response = await client
      .post(`/admin/users/${member.id}/verification`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertFlashMessage(
      'success',
      `A new verification link is on its way to ${member.email}.`
    )
    const sent = mails.sent((candidate) => candidate instanceof VerifyEmailNotification)
    mail.restore()
    assert.lengthOf(sent, 1)
    assert.equal(await countRows('audit_logs', { action: 'user.verification_resent' }), 1)
  })

  test('a verified member gets no new link', async ({ client, assert }) => {
    const admin = await UserFactory.apply('admin').create()
    const member = await UserFactory.apply('verified').create()

    const response = await client
      .post(`/admin/users/${member.id}/verification`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertFlashMessage('error', 'This member is already verified')
    assert.equal(await countRows('audit_logs'), 0)
  })

  test('a SLAYER cannot resend one', async ({ client, assert }) => {
    const actor = await UserFactory.apply('verified').create()
    const member = await UserFactory.create()

    const response = await client
      .post(`/admin/users/${member.id}/verification`)
      .withCsrfToken()
      .loginAs(actor)
      .redirects(0)

    response.assertFlashMessage('error', 'Access denied')
    assert.equal(await countRows('audit_logs'), 0)
  })
})
