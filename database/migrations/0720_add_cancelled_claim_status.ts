import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A claim a Leader ended by cancelling its bounty from the admin console
 * (I3): the worker neither gave it up (ABANDONED) nor let it go stale
 * (EXPIRED).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TYPE bounty_claim_status ADD VALUE IF NOT EXISTS 'CANCELLED'`)
  }

  /**
   * PostgreSQL cannot drop a value from an enum type; claims that carry it
   * keep it, and the value stays unused.
   */
  async down() {}
}
