import { DateTime } from 'luxon'
import drive from '@adonisjs/drive/services/main'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import Money from '#ledger/money'
import Attachment from '#models/attachment'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import type User from '#models/user'
import BountyEscrow from '#actions/bounties/escrow'

/**
 * Removes a draft, or a published bounty nobody has been paid for and
 * nobody works on (its escrow returns to the poster). A draft has no money
 * trail and goes entirely, files included; a published bounty is hidden,
 * because its ledger entries keep pointing at it.
 */
export default class DeleteBounty {
  static async handle(actor: User, bounty: Bounty, context: { ip?: string | null } = {}) {
    const storageKeys: string[] = []
    await Ledger.transaction(async (trx) => {
      const locked = await Bounty.lockForUpdate(trx, bounty.id)
      const before = locked.status
      let refunded = Money.ZERO

      if (locked.isDraft) {
        const files = await Attachment.query({ client: trx }).where('bounty_id', locked.id)
        storageKeys.push(...files.map((file) => file.storageKey))
        await locked.delete()
      } else {
        locked.assertIdle('deleted')
        if (locked.hasPaidWork) {
          throw new DomainError(
            'INVALID_TRANSITION',
            'A bounty with paid work cannot be deleted: cancel it instead'
          )
        }
        if (locked.status !== 'CANCELLED') {
          refunded = await BountyEscrow.refund(trx, locked, actor, 'deleted')
          locked.status = 'CANCELLED'
          locked.cancelledAt = DateTime.now()
        }
        locked.deletedAt = DateTime.now()
        await locked.save()
      }

      if (actor.isAdmin && !locked.isPostedBy(actor)) {
        await AuditLog.record(
          { user: actor, ip: context.ip ?? null },
          {
            action: 'bounty.deleted',
            subject: { type: 'bounty', id: bounty.id },
            data: {
              title: locked.title,
              draft: locked.isDraft,
              before: { status: before, deleted: false },
              after: { status: locked.status, deleted: true },
              refunded: refunded.toString(),
            },
          },
          trx
        )
      }
    })
    await Promise.all(storageKeys.map((key) => drive.use().delete(key)))
  }
}
