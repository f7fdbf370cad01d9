import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import Category from '#models/category'
import Tag from '#models/tag'
import { CategoryFactory } from '#database/factories/category_factory'
import { TagFactory } from '#database/factories/tag_factory'
import { TagWatcherFactory } from '#database/factories/tag_watcher_factory'
import { isolateDatabase } from '#tests/helpers/database'
import { funded, member, postBounty } from '#tests/helpers/bounties'
import { fieldErrors } from '#tests/helpers/bounty_pages'
import { createBountyValidator } from '#validators/bounty'

function tagIdsOf(bountyId: string) {
  return db
    .from('bounty_tags')
    .where('bounty_id', bountyId)
    .select('tag_id')
    .then((rows) => rows.map((row) => row.tag_id as string))
}

test.group('Admin taxonomy: tags', (group) => {
  isolateDatabase(group)

  test('lists tags with their use and renames and recolours one, audited', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    await postBounty(await funded('200'), { tags: ['vue'] })
    const tag = await Tag.findByOrFail('name', 'vue')

    const page = await client.get('/admin/taxonomy').loginAs(admin)
    const save = await client
      .put(`/admin/tags/${tag.id}`)
      .form({ name: 'Vue.js', color: '#10b981' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    page.assertStatus(200)
    page.assertTextIncludes('vue')
    save.assertStatus(302)
    await tag.refresh()
    assert.equal(tag.name, 'Vue.js')
    assert.equal(tag.color, '#10B981')
    const audit = await AuditLog.query().where('action', 'tag.updated').firstOrFail()
    assert.deepEqual(audit.data.before, { name: 'vue', color: Tag.colorFor('vue') })
    assert.deepEqual(audit.data.after, { name: 'Vue.js', color: '#10B981' })
  })

  test('refuses a colour that is not hex and a name another tag has', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const [tag, other] = await TagFactory.createMany(2)

    const badColour = await client
      .put(`/admin/tags/${tag.id}`)
      .form({ color: 'red' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const taken = await client
      .put(`/admin/tags/${tag.id}`)
      .form({ name: other.name.toUpperCase() })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    assert.deepEqual(fieldErrors(badColour), { color: ['Colour: a hex colour such as #3B82F6'] })
    assert.match(String(fieldErrors(taken).name ?? taken.flashMessage('error')), /merge/)
    const stored = await Tag.findOrFail(tag.id)
    assert.equal(stored.name, tag.name)
    assert.equal(stored.color, tag.color)
  })

  test('merging re-points bounties and watchers once and deletes the source', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('500')
    const both = await postBounty(poster, { tags: ['js', 'javascript'] })
    const onlySource = await postBounty(poster, { tags: ['js'] })
    const [source, target] = [
      await Tag.findByOrFail('name', 'js'),
      await Tag.findByOrFail('name', 'javascript'),
    ]
    const watcher = await member()
    await TagWatcherFactory.merge({ tagId: source.id, userId: watcher.id }).create()
    await TagWatcherFactory.merge({ tagId: target.id, userId: watcher.id }).apply('muted').create()
    const onlySourceWatcher = await TagWatcherFactory.merge({ tagId: source.id }).create()

    const response = await client
      .post('/admin/tag-merges')
      .form({ sourceId: source.id, targetId: target.id })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    response.assertStatus(302)
    assert.isNull(await Tag.find(source.id))
    assert.deepEqual(await tagIdsOf(both.id), [target.id])
    assert.deepEqual(await tagIdsOf(onlySource.id), [target.id])
    const watchers = await db.from('tag_watchers').where('tag_id', target.id).orderBy('level')
    assert.sameDeepMembers(
      watchers.map((row) => ({ user: row.user_id, level: row.level })),
      [
        { user: watcher.id, level: 'muted' },
        { user: onlySourceWatcher.userId, level: 'watching' },
      ]
    )
    const audit = await AuditLog.query().where('action', 'tag.merged').firstOrFail()
    assert.equal(audit.subjectId, target.id)
    assert.equal(audit.data.bountiesRetagged, 1)
  })

  test('merging a tag into itself or an unknown tag is refused', async ({ client, assert }) => {
    const admin = await member('admin')
    const tag = await TagFactory.create()

    const itself = await client
      .post('/admin/tag-merges')
      .form({ sourceId: tag.id, targetId: tag.id })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const malformed = await client
      .post('/admin/tag-merges')
      .form({ sourceId: tag.id, targetId: 'nope' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    assert.exists(fieldErrors(itself).targetId ?? itself.flashMessage('error'))
    assert.deepEqual(fieldErrors(malformed), { targetId: ['Choose the tag to merge it into'] })
    assert.exists(await Tag.find(tag.id))
  })

  test('deletes an unused tag and refuses one in use', async ({ client, assert }) => {
    const admin = await member('admin')
    const unused = await TagFactory.create()
    await postBounty(await funded('200'), { tags: ['busy'] })
    const used = await Tag.findByOrFail('name', 'busy')

    const removed = await client
      .delete(`/admin/tags/${unused.id}`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const refused = await client
      .delete(`/admin/tags/${used.id}`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    removed.assertStatus(302)
    assert.isNull(await Tag.find(unused.id))
    refused.assertFlashMessage('error', '“busy” is on bounties: merge it into another tag instead')
    assert.exists(await Tag.find(used.id))
    assert.exists(await AuditLog.query().where('action', 'tag.deleted').first())
  })
})

test.group('Admin taxonomy: categories', (group) => {
  isolateDatabase(group)

  test('creates, renames and orders categories, audited', async ({ client, assert }) => {
    const admin = await member('admin')

    const created = await client
      .post('/admin/categories')
      .form({ name: 'Design work' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const category = await Category.findByOrFail('slug', 'design-work')
    const renamed = await client
      .put(`/admin/categories/${category.id}`)
      .form({ name: 'Design', position: '3' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)

    created.assertStatus(302)
    renamed.assertStatus(302)
    await category.refresh()
    assert.equal(category.name, 'Design')
    assert.equal(category.slug, 'design-work')
    assert.equal(category.position, 3)
    const actions = await AuditLog.query().where('subject_id', category.id).orderBy('created_at')
    assert.deepEqual(
      actions.map((entry) => entry.action),
      ['category.created', 'category.updated']
    )
  })

  test('a retired category is not offered for new bounties and stays on old ones', async ({
    client,
    assert,
  }) => {
    const admin = await member('admin')
    const poster = await funded('300')
    const category = await CategoryFactory.create()
    const old = await postBounty(poster, { category: category.slug })

    const retire = await client
      .post(`/admin/categories/${category.id}/retirement`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    const form = await client.get('/bounties/new').loginAs(poster)
    const edit = await client.get(`/bounties/${old.id}/edit`).loginAs(poster)
    const [error] = await createBountyValidator.tryValidate({
      title: 'New work',
      description: 'Something',
      bountyAmount: '10',
      category: category.slug,
    })

    retire.assertStatus(302)
    const retired = await Category.findOrFail(category.id)
    assert.isTrue(retired.isRetired)
    assert.notInclude(form.text(), `value="${category.slug}"`)
    assert.include(edit.text(), `value="${category.slug}"`)
    const oldRow = await db.from('bounties').where('id', old.id).first()
    assert.equal(oldRow.category_id, category.id)
    assert.exists(error)

    const reinstate = await client
      .delete(`/admin/categories/${category.id}/retirement`)
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    reinstate.assertStatus(302)
    const reinstated = await Category.findOrFail(category.id)
    assert.isFalse(reinstated.isRetired)
  })

  test('a category name must be given', async ({ client, assert }) => {
    const admin = await member('admin')
    const response = await client
      .post('/admin/categories')
      .form({ name: ' ' })
      .withCsrfToken()
      .loginAs(admin)
      .redirects(0)
    assert.property(fieldErrors(response), 'name')
    assert.lengthOf(await Category.all(), 0)
  })
})

test.group('Admin taxonomy: refusals', (group) => {
  isolateDatabase(group)

  test('{role} cannot see or change the taxonomy')
    .with([{ role: 'pillar' as const }, { role: 'verified' as const }])
    .run(async ({ client, assert }, { role }) => {
      const caller = await member(role)
      const [tag, other] = await TagFactory.createMany(2)
      const category = await CategoryFactory.create()

      const page = await client.get('/admin/taxonomy').loginAs(caller)
      const posts = await Promise.all(
        [
          client.put(`/admin/tags/${tag.id}`).form({ name: 'hacked' }),
          client.delete(`/admin/tags/${tag.id}`),
          client.post('/admin/tag-merges').form({ sourceId: tag.id, targetId: other.id }),
          client.post('/admin/categories').form({ name: 'Hacked' }),
          client.put(`/admin/categories/${category.id}`).form({ name: 'Hacked' }),
          client.post(`/admin/categories/${category.id}/retirement`),
        ].map((request) => request.withCsrfToken().loginAs(caller).redirects(0))
      )

      page.assertStatus(403)
      for (const response of posts) response.assertFlashMessage('error', 'Access denied')
      const storedTag = await Tag.findOrFail(tag.id)
      assert.equal(storedTag.name, tag.name)
      assert.exists(await Tag.find(other.id))
      assert.lengthOf(await Category.all(), 1)
      const storedCategory = await Category.findOrFail(category.id)
      assert.isFalse(storedCategory.isRetired)
      assert.lengthOf(await AuditLog.all(), 0)
    })
})
