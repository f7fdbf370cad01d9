import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'
import type User from '#models/user'
import { BountyFactory } from '#database/factories/bounty_factory'
import { TagFactory } from '#database/factories/tag_factory'

/**
 * Each test runs in a transaction that is rolled back; the HTTP server and
 * the open event streams share it (one process).
 */
export function isolateDatabase(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
}

/**
 * A funded, published bounty by `poster` (or their draft).
 */
export function bountyBy(poster: User, options: { draft?: boolean; title?: string } = {}) {
  const bounty = BountyFactory.merge({
    createdBy: poster.id,
    title: options.title ?? 'Fix the flaky deploy',
  })
  return options.draft ? bounty.create() : bounty.apply('available').create()
}

export function tagNamed(name: string) {
  return TagFactory.merge({ name }).create()
}
