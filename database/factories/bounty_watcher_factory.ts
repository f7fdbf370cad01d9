import factory from '@adonisjs/lucid/factories'
import Bounty from '#models/bounty'
import BountyWatcher from '#models/bounty_watcher'
import { BountyFactory } from '#database/factories/bounty_factory'

/**
 * The poster watching their new draft (as CreateBounty leaves it) unless
 * `bountyId` / `userId` are given. State: `muted`.
 */
export const BountyWatcherFactory = factory
  .define(BountyWatcher, () => ({ level: 'watching' as const }))
  .state('muted', (watcher) => {
    watcher.level = 'muted'
  })
  .before('create', async (_, watcher, { $trx }) => {
    const trx = $trx!
    if (!watcher.bountyId) {
      const draft = await BountyFactory.client(trx).create()
      watcher.bountyId = draft.id
    }
    if (!watcher.userId) {
      const bounty = await Bounty.findOrFail(watcher.bountyId, { client: trx })
      watcher.userId = bounty.createdBy
    }
  })
  .build()
