import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type CheckIn from '#models/check_in'
import { lockOpen } from '#actions/checkins/update_check_in'

/**
 * Its author withdraws a check-in while its week lasts (to check in
 * again, or not at all). A past week's check-in stays: the team's trends
 * for that week were read from it (409 INVALID_TRANSITION).
 */
export default class DeleteCheckIn {
  static async handle(checkIn: CheckIn, { now = DateTime.now() }: { now?: DateTime } = {}) {
    await db.transaction(async (trx) => {
      const locked = await lockOpen(trx, checkIn.id, now, 'deleted')
      await locked.useTransaction(trx).delete()
    })
  }
}
