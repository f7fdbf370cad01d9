import type { Infer } from '@vinejs/vine/types'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import Category from '#models/category'
import Tag from '#models/tag'
import type User from '#models/user'
import type { createBountyValidator } from '#validators/bounty'
import PublishBounty from '#actions/bounties/publish_bounty'

export type CreateBountyData = Infer<typeof createBountyValidator>

/**
 * Posts a bounty (B1): a private draft, or published at once with its
 * reward escrowed. Without the funds nothing is written, not even the
 * bounty row.
 */
export default class CreateBounty {
  static async handle(poster: User, data: CreateBountyData) {
    return Ledger.transaction(async (trx) => {
      const bounty = new Bounty()
      bounty.useTransaction(trx)
      bounty.merge({
        title: data.title,
        description: data.description,
        bountyAmount: data.bountyAmount,
        estimatedHours: data.estimatedHours ?? null,
        deadline: data.deadline ?? null,
        priority: data.priority ?? 'MEDIUM',
        maxCompletions: data.maxCompletions ?? 1,
        claimWindowDays: data.claimWindowDays ?? 7,
        teamId: data.teamId ?? null,
        categoryId: await categoryId(trx, data.category),
        createdBy: poster.id,
        status: 'AVAILABLE',
        isDraft: true,
      })
      await bounty.save()
      await syncTags(trx, bounty, data.tags ?? [])
      await BountyEvent.record(trx, bounty.id, 'created', poster, { draft: data.draft ?? false })
      await bounty.watch(poster, trx)

      if (!data.draft) await PublishBounty.publishLocked(trx, bounty, poster)
      return bounty
    })
  }
}

export async function categoryId(trx: TransactionClientContract, slug: string | null | undefined) {
  if (!slug) return null
  const category = await Category.query({ client: trx }).where('slug', slug).firstOrFail()
  return category.id
}

export async function syncTags(trx: TransactionClientContract, bounty: Bounty, names: string[]) {
  const tags = await Tag.findOrCreateMany(names, trx)
  await bounty.related('tags').sync(
    tags.map((tag) => tag.id),
    true,
    trx
  )
}
