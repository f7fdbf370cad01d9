import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import BountyEscrow from '#actions/bounties/escrow'
import AnnounceBountyEvent from '#actions/notifications/announce_bounty_event'
import Achievements from '#gamification/achievements'

/**
 * Puts a draft on the board (B1, B2): its reward × slots moves from the
 * poster's wallet into escrow in the same transaction, or nothing happens.
 */
export default class PublishBounty {
  static async handle(poster: User, bounty: Bounty) {
    return Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      if (locked.isPublished) {
        throw new DomainError('INVALID_TRANSITION', 'This bounty is already published')
      }
      await PublishBounty.publishLocked(trx, locked, poster)
      return locked
    })
  }

  /**
   * The publishing step for a bounty row already locked (or just created)
   * in `trx`.
   */
  static async publishLocked(trx: TransactionClientContract, bounty: Bounty, poster: User) {
    if (bounty.hasDeadlinePassed) {
      throw new DomainError(
        'INVALID_TRANSITION',
        'The deadline has passed: choose a new one before publishing',
        { field: 'deadline' }
      )
    }
    bounty.useTransaction(trx)
    bounty.isDraft = false
    bounty.status = 'AVAILABLE'
    const publishedAt = DateTime.now()
    bounty.publishedAt = publishedAt
    await BountyEscrow.fund(trx, bounty, poster)
    await bounty.save()
    await Achievements.posted(trx, poster.id, publishedAt.toJSDate())
    await AnnounceBountyEvent.handle(
      trx,
      bounty,
      await BountyEvent.record(trx, bounty.id, 'published', poster, {
        amount: bounty.bountyAmount.toString(),
        slots: bounty.maxCompletions,
      })
    )
  }
}
