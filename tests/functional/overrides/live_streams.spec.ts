import { test } from '@japa/runner'
import transmit from '@adonisjs/transmit/services/main'
import { Transmit } from '@boringnode/transmit'
import { liveChannels } from '#services/broadcast'
import { overrides } from '#overrides/index'
import { assertPinned } from '#tests/helpers/overrides'
import { Credentials, EventStream } from '#tests/helpers/live'

/**
 * app/overrides/live_streams.ts takes over the stream manager's
 * `subscribe`, `unsubscribe` and `findByChannel`, calls its `verifyAccess`,
 * and hands Transmit streams with `getUid` and `writeMessage`. Who may use a
 * stream is tested in tests/functional/notifications/live_channels.spec.ts
 * ("stream ownership").
 */
test.group('Override contract: live streams (Transmit)', () => {
  test('Transmit is installed and pinned at the versions the override targets', async ({
    assert,
  }) => {
    await assertPinned(assert, overrides.liveStreams)
  })

  test('the stream manager keeps the methods the override replaces and calls', ({ assert }) => {
    assert.isFunction(Transmit.prototype.getManager)
    const library = Object.getPrototypeOf(transmit.getManager())
    assert.lengthOf(library.subscribe, 1)
    assert.lengthOf(library.unsubscribe, 1)
    assert.lengthOf(library.findByChannel, 1)
    assert.lengthOf(library.verifyAccess, 2)
  })

  test('in effect: the app’s manager uses the override, and a broadcast reaches its streams', async ({
    assert,
    cleanup,
  }) => {
    const manager = transmit.getManager()
    const library = Object.getPrototypeOf(manager)
    for (const method of ['subscribe', 'unsubscribe', 'findByChannel'] as const) {
      assert.notStrictEqual(manager[method], library[method], method)
    }

    const stream = await EventStream.open(await Credentials.visitor())
    cleanup(() => stream.close())
    assert.equal(await stream.subscribe(liveChannels.board), 204)
    assert.lengthOf([...manager.findByChannel(liveChannels.board)], 1)

    transmit.broadcast(liveChannels.board, { type: 'contract' })
    assert.deepEqual(await stream.next(liveChannels.board), { type: 'contract' })
  })
})
