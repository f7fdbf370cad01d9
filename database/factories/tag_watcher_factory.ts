import factory from '@adonisjs/lucid/factories'
import TagWatcher from '#models/tag_watcher'
import { UserFactory } from '#database/factories/user_factory'
import { TagFactory } from '#database/factories/tag_factory'

/**
 * A fresh member watching a new tag unless `tagId` / `userId` are given.
 * State: `muted`.
 */
export const TagWatcherFactory = factory
  .define(TagWatcher, () => ({ level: 'watching' as const }))
  .state('muted', (watcher) => {
    watcher.level = 'muted'
  })
  .before('create', async (_, watcher, { $trx }) => {
    const trx = $trx!
    if (!watcher.tagId) {
      const tag = await TagFactory.client(trx).create()
      watcher.tagId = tag.id
    }
    if (!watcher.userId) {
      const member = await UserFactory.client(trx).apply('verified').create()
      watcher.userId = member.id
    }
  })
  .build()
