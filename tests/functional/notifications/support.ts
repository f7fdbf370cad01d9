import type User from '#models/user'
import { BountyFactory } from '#database/factories/bounty_factory'
import { TagFactory } from '#database/factories/tag_factory'

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
