import factory from '@adonisjs/lucid/factories'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import { BountyFactory } from '#database/factories/bounty_factory'

/**
 * The `created` line of a new draft's timeline (or `bountyId`'s), by its
 * poster unless `actorId` is given (null: the scheduler).
 */
export const BountyEventFactory = factory
  .define(BountyEvent, () => ({ type: 'created' as const, data: { draft: true } }))
  .before('create', async (_, event, { $trx }) => {
    const trx = $trx!
    if (!event.bountyId) {
      const draft = await BountyFactory.client(trx).create()
      event.bountyId = draft.id
    }
    if (event.actorId === undefined) {
      const bounty = await Bounty.findOrFail(event.bountyId, { client: trx })
      event.actorId = bounty.createdBy
    }
  })
  .build()
