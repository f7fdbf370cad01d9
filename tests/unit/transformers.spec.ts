import { test } from '@japa/runner'
import { BaseTransformer } from '@adonisjs/core/transformers'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { serialize } from '#transformers/envelope'

class NameTransformer extends BaseTransformer<{ name: string }> {
  toObject() {
    return { name: this.resource.name }
  }
}

test.group('Transformers', () => {
  test('transform an item, a list and a page as the library does', async ({ assert }) => {
    const limit = Error.stackTraceLimit
    const item = await serialize(NameTransformer.transform({ name: 'ada' }))
    const list = await serialize(NameTransformer.transform([{ name: 'a' }, { name: 'b' }]))
    const paginator = new SimplePaginator(1, 20, 1, { name: 'a' })
    const page = await serialize(NameTransformer.paginate(paginator.all(), paginator.getMeta()))
    assert.deepEqual(item.data, { name: 'ada' })
    assert.deepEqual(list.data, [{ name: 'a' }, { name: 'b' }])
    assert.deepEqual(page.data, [{ name: 'a' }])
    assert.deepEqual(page.meta.pagination, { page: 1, limit: 20, total: 1, totalPages: 1 })
    assert.equal(Error.stackTraceLimit, limit)
  })

  test('an undefined value still fails with the library’s message and the caller’s stack', async ({
    assert,
  }) => {
    const pending = NameTransformer.transform(undefined as unknown as { name: string })
    const error = await serialize(pending).catch((failure) => failure)
    assert.include(error.message, 'Cannot transform undefined value')
    assert.include(error.stack, 'transformers.spec.ts')
  })
})
