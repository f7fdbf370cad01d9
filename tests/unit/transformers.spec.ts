import { test } from '@japa/runner'
import { BaseTransformer } from '@adonisjs/core/transformers'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { serialize } from '#transformers/envelope'

class NameTransformer extends BaseTransformer<{ name: string }> {
  toObject() {
    return { name: this.resource.name }
  }
}

/**
 * start/transformers.ts: transform() and paginate() skip capturing a stack
 * unless the value is undefined.
 */
/**
 * The stack depth each stack capture during `work` asked for.
 */
function stackCaptures(work: () => void) {
  const capture = Error.captureStackTrace
  const limits: number[] = []
  Error.captureStackTrace = (target, constructor) => {
    limits.push(Error.stackTraceLimit)
    capture(target, constructor)
  }
  try {
    work()
  } finally {
    Error.captureStackTrace = capture
  }
  return limits
}

test.group('Transformers (start/transformers.ts)', () => {
  test('a value to transform costs no stack capture; an undefined one does', ({ assert }) => {
    const forItem = stackCaptures(() => NameTransformer.transform({ name: 'ada' }))
    const forPage = stackCaptures(() =>
      NameTransformer.paginate([], new SimplePaginator(0, 20, 1).getMeta())
    )
    const forUndefined = stackCaptures(() =>
      NameTransformer.transform(undefined as unknown as { name: string })
    )
    assert.isNotEmpty(forItem)
    assert.deepEqual(
      [...forItem, ...forPage],
      [...forItem, ...forPage].map(() => 0)
    )
    assert.isAbove(Math.min(...forUndefined), 0)
  })

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
