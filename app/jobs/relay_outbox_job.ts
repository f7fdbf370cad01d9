import Outbox, { OutboxJob } from '#services/outbox'

/**
 * Hands the queue the outbox rows nobody relayed: those of a process that
 * died between its commit and its relay, and those the queue lost.
 */
export default class RelayOutboxJob extends OutboxJob<Record<string, never>> {
  static options = { name: 'RelayOutboxJob' }

  async handle() {
    await Outbox.relay()
  }
}
