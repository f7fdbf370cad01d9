import factory from '@adonisjs/lucid/factories'
import AuditLog from '#models/audit_log'
import { UserFactory } from '#database/factories/user_factory'
import { BountyFactory } from '#database/factories/bounty_factory'

/**
 * An admin's edit of someone's new draft, as UpdateBounty records it,
 * unless `actorId` / `subjectId` are given. Append-only: the database
 * refuses to change it afterwards. State: `system` (no actor, no IP).
 */
export const AuditLogFactory = factory
  .define(AuditLog, ({ faker }) => ({
    action: 'bounty.update',
    subjectType: 'bounty',
    data: { fields: ['title'] },
    ip: faker.internet.ipv4(),
  }))
  .state('system', (log) => {
    log.actorId = null
    log.ip = null
  })
  .before('create', async (_, log, { $trx }) => {
    const trx = $trx!
    if (log.actorId === undefined) {
      const admin = await UserFactory.client(trx).apply('admin').create()
      log.actorId = admin.id
    }
    if (!log.subjectId) {
      const bounty = await BountyFactory.client(trx).create()
      log.subjectId = bounty.id
    }
  })
  .build()
