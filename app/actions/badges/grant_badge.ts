import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Badges from '#gamification/badges'
import AuditLog, { type AuditActor } from '#models/audit_log'
import type Badge from '#models/badge'
import User from '#models/user'
import SaveBadge from '#actions/badges/save_badge'

/**
 * A Leader gives an admin-defined badge to a member (E2, I5). It goes
 * through `Badges.grant`, so the primary key of member_badges keeps it
 * granted once and the member is told (badge.awarded: preferences, live
 * toast) after the grant commits.
 */
export default class GrantBadge {
  static async handle(actor: AuditActor, badge: Badge, username: string) {
    return db.transaction(async (trx) => {
      const locked = await SaveBadge.lock(trx, badge)
      SaveBadge.assertByHand(locked, 'granted')
      const member = await User.query({ client: trx })
        .withScopes((scopes) => scopes.named(username))
        .whereNull('deleted_at')
        .first()
      if (!member) {
        throw new DomainError('NOT_FOUND', `Nobody is called “${username}”`, { field: 'username' })
      }
      const granted = await Badges.grant(trx, {
        userId: member.id,
        code: locked.code,
        at: DateTime.now().toJSDate(),
        grantedBy: actor.user.id,
      })
      if (!granted) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `@${member.username} already holds “${locked.name}”`,
          { field: 'username' }
        )
      }
      await AuditLog.record(
        actor,
        {
          action: 'badge.granted',
          subject: { type: 'badge', id: locked.id },
          data: { badge: locked.code, userId: member.id, username: member.username },
        },
        trx
      )
      return member
    })
  }
}
