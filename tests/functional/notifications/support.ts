import testUtils from '@adonisjs/core/services/test_utils'
import type { Group } from '@japa/runner/core'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import Tag from '#models/tag'
import type User from '#models/user'

/**
 * Each test runs in a transaction that is rolled back; the HTTP server and
 * the open event streams share it (one process).
 */
export function isolateDatabase(group: Group) {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
}

/**
 * A bounty row as the bounty actions leave it, without the money: these
 * tests are about who hears of it, not about escrow.
 */
export async function bountyBy(
  poster: User,
  options: { draft?: boolean; teamId?: string; tags?: Tag[]; title?: string } = {}
) {
  const bounty = await Bounty.create({
    title: options.title ?? 'Fix the flaky deploy',
    description: 'It fails one time in ten.',
    descriptionHtml: '<p>It fails one time in ten.</p>',
    bountyAmount: Money.parse('50'),
    createdBy: poster.id,
    isDraft: options.draft ?? false,
    teamId: options.teamId ?? null,
  })
  if (options.tags?.length) await bounty.related('tags').attach(options.tags.map((tag) => tag.id))
  return bounty
}

export function tagNamed(name: string) {
  return Tag.create({ name, color: Tag.colorFor(name) })
}
