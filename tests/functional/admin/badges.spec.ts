import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import type { ApiClient } from '@japa/api-client'
import AuditLog from '#models/audit_log'
import Badge from '#models/badge'
import type User from '#models/user'
import Badges, { AUTOMATIC_BADGES } from '#gamification/badges'
import { isolateDatabase } from '#tests/helpers/database'
import { member, type Role } from '#tests/helpers/bounties'
import { fieldErrors, submit } from '#tests/helpers/bounty_pages'

function defineBadge(code = 'helping_hand') {
  return Badge.create({
    code,
    name: 'Helping hand',
    description: 'Helped another member out of a tight spot.',
    isAutomatic: false,
  })
}

function automatic(code: string = AUTOMATIC_BADGES.firstCompletion) {
  return Badge.findByOrFail('code', code)
}

function holdings(badge: Badge) {
  return db
    .from('member_badges')
    .where('badge_id', badge.id)
    .select('user_id', 'granted_by')
    .orderBy('user_id')
}

function awardNotices(user: User) {
  return db.from('notifications').where({ user_id: user.id, type: 'badge.awarded' }).select('*')
}

function grant(client: ApiClient, admin: User, badge: Badge, username: string) {
  const from = `/admin/badges/${badge.id}`
  return submit(client, admin, 'post', `${from}/grants`, { from, form: { username } })
}

test.group('Admin badges: the catalogue', (group) => {
  isolateDatabase(group)

  test('lists every badge with its criteria and how many members hold it', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const [first, second] = await Promise.all([member(), member()])
    const badge = await defineBadge()
    await Badges.grant(db.connection(), { userId: first.id, code: badge.code, at: new Date() })
    await Badges.grant(db.connection(), { userId: second.id, code: badge.code, at: new Date() })
    await Badges.grant(db.connection(), {
      userId: first.id,
      code: AUTOMATIC_BADGES.firstPost,
      at: new Date(),
    })

    const page = await client.get('/admin/badges').loginAs(admin)

    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Helped another member out of a tight spot.')
    assert.match(html, /Helping hand[\s\S]*?data-label="Holders" class="numeric">2</)
    assert.match(html, /First post[\s\S]*?data-label="Holders" class="numeric">1</)
    const streak = await automatic(AUTOMATIC_BADGES.fourWeekStreak)
    assert.include(html, streak.description)
  })

  test('creates a badge, audited, and refuses a code that is taken or malformed', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const form = {
      code: 'Mentor',
      name: 'Mentor',
      description: 'Guided a newcomer through a first bounty.',
    }

    const created = await submit(client, admin, 'post', '/admin/badges', { form })
    const taken = await submit(client, admin, 'post', '/admin/badges', { form })
    const malformed = await submit(client, admin, 'post', '/admin/badges', {
      form: { ...form, code: 'no spaces!' },
    })

    const badge = await Badge.findByOrFail('code', 'mentor')
    created.assertHeader('location', `/admin/badges/${badge.id}`)
    assert.isFalse(badge.isAutomatic)
    assert.deepEqual(fieldErrors(taken), { code: ['Another badge has the code “mentor”'] })
    assert.deepEqual(fieldErrors(malformed), {
      code: ['Code: 2 to 40 lower-case letters, digits or _, starting with a letter'],
    })
    assert.lengthOf(await Badge.query().where('code', 'like', 'mentor%'), 1)
    const audit = await AuditLog.query().where('action', 'badge.created').firstOrFail()
    assert.equal(audit.subjectId, badge.id)
    assert.deepEqual(audit.data.after, {
      code: 'mentor',
      name: 'Mentor',
      description: form.description,
      automatic: false,
    })
  })

  test('rewords an automatic badge but never deletes it', async ({ client, assert }) => {
    const admin = await member('admin')
    const badge = await automatic()
    const from = `/admin/badges/${badge.id}`

    const saved = await submit(client, admin, 'put', from, {
      from,
      form: { name: 'Off the mark', description: 'Had a first piece of work approved and paid.' },
    })
    const deleted = await submit(client, admin, 'delete', from, { from })

    saved.assertHeader('location', from)
    deleted.assertFlashMessage(
      'error',
      '“Off the mark” is automatic: it follows its criteria and cannot be deleted by hand'
    )
    await badge.refresh()
    assert.equal(badge.name, 'Off the mark')
    assert.equal(badge.code, AUTOMATIC_BADGES.firstCompletion)
    const audits = await AuditLog.query().where('subject_id', badge.id)
    assert.deepEqual(
      audits.map((audit) => audit.action),
      ['badge.updated']
    )
    assert.equal((audits[0].data.before as { name: string }).name, 'First bounty')
  })

  test('a name too short is a form error and nothing changes', async ({ client, assert }) => {
    const admin = await member('admin')
    const badge = await defineBadge()
    const from = `/admin/badges/${badge.id}`

    const response = await submit(client, admin, 'put', from, { from, form: { name: ' x ' } })

    assert.property(fieldErrors(response), 'name')
    await badge.refresh()
    assert.equal(badge.name, 'Helping hand')
    assert.lengthOf(await AuditLog.all(), 0)
  })

  test('deletes an admin-defined badge: its holders lose it, audited', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const holder = await member()
    const badge = await defineBadge()
    await Badges.grant(db.connection(), { userId: holder.id, code: badge.code, at: new Date() })

    const response = await submit(client, admin, 'delete', `/admin/badges/${badge.id}`)

    response.assertHeader('location', '/admin/badges')
    assert.isNull(await Badge.find(badge.id))
    assert.lengthOf(await holdings(badge), 0)
    const audit = await AuditLog.query().where('action', 'badge.deleted').firstOrFail()
    assert.equal(audit.data.holdersRemoved, 1)
  })
})

test.group('Admin badges: granting by hand', (group) => {
  isolateDatabase(group)

  test('grants a badge by username once, tells the member, and audits it', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const holder = await member()
    const badge = await defineBadge()

    const first = await grant(client, admin, badge, holder.username.toUpperCase())
    const again = await grant(client, admin, badge, holder.username)

    first.assertHeader('location', `/admin/badges/${badge.id}`)
    first.assertFlashMessage(
      'success',
      `@${holder.username} now holds “Helping hand” and has been told.`
    )
    assert.deepEqual(fieldErrors(again), {
      username: [`@${holder.username} already holds “Helping hand”`],
    })
    assert.deepEqual(await holdings(badge), [{ user_id: holder.id, granted_by: admin.id }])
    const notices = await awardNotices(holder)
    assert.lengthOf(notices, 1)
    assert.equal(notices[0].title, 'You earned the “Helping hand” badge')
    const audits = await AuditLog.query().where('action', 'badge.granted')
    assert.lengthOf(audits, 1)
    assert.deepEqual(audits[0].data, {
      badge: 'helping_hand',
      userId: holder.id,
      username: holder.username,
    })
    const page = await client.get(`/admin/badges/${badge.id}`).loginAs(admin)
    page.assertTextIncludes(`@${holder.username}`)
    page.assertTextIncludes('Holders (1)')
  })

  test('two Leaders granting the same badge at once grant it once', async ({ client, assert }) => {
    const [admin, other] = await Promise.all([member('admin'), member('admin')])
    const holder = await member()
    const badge = await defineBadge()

    await Promise.all([
      grant(client, admin, badge, holder.username),
      grant(client, other, badge, holder.username),
    ])

    assert.lengthOf(await holdings(badge), 1)
    assert.lengthOf(await awardNotices(holder), 1)
    assert.lengthOf(await AuditLog.query().where('action', 'badge.granted'), 1)
  })

  test('an unknown username and an automatic badge are refused', async ({ client, assert }) => {
    const admin = await member('admin')
    const holder = await member()
    const badge = await defineBadge()
    const auto = await automatic()

    const unknown = await grant(client, admin, badge, 'nobody_here')
    const automaticGrant = await grant(client, admin, auto, holder.username)

    assert.deepEqual(fieldErrors(unknown), { username: ['Nobody is called “nobody_here”'] })
    automaticGrant.assertFlashMessage(
      'error',
      '“First bounty” is automatic: it follows its criteria and cannot be granted by hand'
    )
    assert.lengthOf(await db.from('member_badges'), 0)
    assert.lengthOf(await awardNotices(holder), 0)
  })

  test('revokes a badge given by hand, audited with when it was granted', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const [holder, other] = await Promise.all([member(), member()])
    const badge = await defineBadge()
    await grant(client, admin, badge, holder.username)
    await grant(client, admin, badge, other.username)
    const from = `/admin/badges/${badge.id}`

    const response = await submit(client, admin, 'delete', `${from}/grants/${holder.id}`, { from })
    const twice = await submit(client, admin, 'delete', `${from}/grants/${holder.id}`, { from })

    response.assertFlashMessage('success', `“Helping hand” taken back from @${holder.username}.`)
    twice.assertFlashMessage('error', 'This member does not hold “Helping hand”')
    assert.deepEqual(await holdings(badge), [{ user_id: other.id, granted_by: admin.id }])
    const audit = await AuditLog.query().where('action', 'badge.revoked').firstOrFail()
    assert.equal(audit.data.userId, holder.id)
    assert.equal(audit.data.grantedBy, admin.id)
    assert.isString(audit.data.awardedAt)
  })

  test('an automatic badge cannot be revoked', async ({ client, assert }) => {
    const admin = await member('admin')
    const holder = await member()
    const badge = await automatic()
    await Badges.grant(db.connection(), { userId: holder.id, code: badge.code, at: new Date() })
    const from = `/admin/badges/${badge.id}`

    const response = await submit(client, admin, 'delete', `${from}/grants/${holder.id}`, { from })

    response.assertFlashMessage(
      'error',
      '“First bounty” is automatic: it follows its criteria and cannot be revoked by hand'
    )
    assert.lengthOf(await holdings(badge), 1)
  })

  test('a Leader acting as a member cannot grant, since the session is the member’s', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const target = await member()
    const badge = await defineBadge()
    const started = await client
      .post(`/admin/users/${target.id}/impersonation`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    const response = await client
      .post(`/admin/badges/${badge.id}/grants`)
      .form({ username: target.username })
      .withCsrfToken()
      .inSessionOf(started)
      .redirects(0)

    response.assertFlashMessage('error', 'Access denied')
    assert.lengthOf(await holdings(badge), 0)
    assert.lengthOf(await AuditLog.query().where('action', 'badge.granted'), 0)
  })
})

/*
| One test per cell of docs/permissions.md "Admin → Badges": a Pillar and a
| Member are refused each action, and nothing changes.
*/
test.group('Admin badges: refusals', (group) => {
  isolateDatabase(group)

  const actions: {
    name: string
    send: (client: ApiClient, caller: User, badge: Badge, holder: User) => Promise<unknown>
  }[] = [
    {
      name: 'see the catalogue',
      send: (client, caller) => client.get('/admin/badges').loginAs(caller),
    },
    {
      name: 'see a badge and its holders',
      send: (client, caller, badge) => client.get(`/admin/badges/${badge.id}`).loginAs(caller),
    },
    {
      name: 'create a badge',
      send: (client, caller) =>
        submit(client, caller, 'post', '/admin/badges', {
          form: { code: 'sneaky', name: 'Sneaky', description: 'Made up a badge for themselves.' },
        }),
    },
    {
      name: 'reword a badge',
      send: (client, caller, badge) =>
        submit(client, caller, 'put', `/admin/badges/${badge.id}`, { form: { name: 'Hacked' } }),
    },
    {
      name: 'delete a badge',
      send: (client, caller, badge) =>
        submit(client, caller, 'delete', `/admin/badges/${badge.id}`),
    },
    {
      name: 'grant a badge',
      send: (client, caller, badge) =>
        submit(client, caller, 'post', `/admin/badges/${badge.id}/grants`, {
          form: { username: caller.username },
        }),
    },
    {
      name: 'revoke a badge',
      send: (client, caller, badge, holder) =>
        submit(client, caller, 'delete', `/admin/badges/${badge.id}/grants/${holder.id}`),
    },
  ]

  for (const action of actions) {
    for (const role of ['pillar', 'verified'] as Role[]) {
      test(`a ${role === 'pillar' ? 'Pillar' : 'Member'} cannot ${action.name}`, async ({
        client,
        assert,
      }) => {
        const caller = await member(role)
        const holder = await member()
        const badge = await defineBadge()
        await Badges.grant(db.connection(), { userId: holder.id, code: badge.code, at: new Date() })

        const response = (await action.send(client, caller, badge, holder)) as {
          status(): number
          flashMessage(key: string): unknown
        }

        if (action.name.startsWith('see')) assert.equal(response.status(), 403)
        else assert.equal(response.flashMessage('error'), 'Access denied')
        await badge.refresh()
        assert.equal(badge.name, 'Helping hand')
        assert.lengthOf(await Badge.query().where('code', 'sneaky'), 0)
        assert.deepEqual(await holdings(badge), [{ user_id: holder.id, granted_by: null }])
        assert.lengthOf(await AuditLog.all(), 0)
      })
    }
  }
})
