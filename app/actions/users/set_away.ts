import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AwayPeriod from '#models/away_period'
import type User from '#models/user'

/**
 * A member goes away (K8) from now until the start of `until` (UTC), or
 * changes when they are back; at most four weeks from now.
 */
export default class SetAway {
  static async handle(user: User, until: DateTime) {
    const now = DateTime.now()
    const endsAt = until.toUTC().startOf('day')
    return db.transaction(async (trx) => {
      const running = await AwayPeriod.current(user.id, trx)
      if (running) {
        running.useTransaction(trx)
        if (endsAt <= running.startsAt.plus({ days: AwayPeriod.MAX_DAYS })) {
          running.endsAt = endsAt
          return running.save()
        }
        // Back later than four weeks after they left: that stretch ends now,
        // and a new one of at most four weeks from now begins.
        running.endsAt = now
        await running.save()
      }
      return AwayPeriod.create({ userId: user.id, startsAt: now, endsAt }, { client: trx })
    })
  }

  /**
   * Back early: the running period ends now.
   */
  static async end(user: User) {
    const running = await AwayPeriod.current(user.id)
    if (!running) return null
    running.endsAt = DateTime.now()
    return running.save()
  }
}
