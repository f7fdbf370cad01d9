import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import CheckIn from '#models/check_in'
import { DomainError } from '#exceptions/domain_error'
import type { CheckInAnswers } from '#actions/checkins/submit_check_in'

/**
 * Its author changes a check-in while its week lasts on the team's clock
 * (F3); once the week is over it is part of the team's record and stays
 * as it was (409 INVALID_TRANSITION). Only the answers sent change; the
 * database computes the score again.
 */
export default class UpdateCheckIn {
  static async handle(
    checkIn: CheckIn,
    data: Partial<CheckInAnswers>,
    { now = DateTime.now() }: { now?: DateTime } = {}
  ) {
    return db.transaction(async (trx) => {
      const locked = await lockOpen(trx, checkIn.id, now, 'changed')
      const changes = Object.fromEntries(
        Object.entries(data).filter(([, value]) => value !== undefined)
      )
      locked.merge(changes)
      await locked.useTransaction(trx).save()
      await locked.refresh()
      return locked
    })
  }
}

/**
 * The check-in under its row lock, refused once its week is over: the
 * check both UpdateCheckIn and DeleteCheckIn make, so a change sent at
 * Sunday midnight is judged once, against the row as it is.
 */
export async function lockOpen(
  trx: TransactionClientContract,
  id: string,
  now: DateTime,
  verb: 'changed' | 'deleted'
) {
  const locked = await CheckIn.query({ client: trx })
    .where('id', id)
    .forUpdate()
    .preload('team')
    .firstOrFail()
  if (!locked.isOpen(locked.team.timezone, now)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `This check-in's week is over: it can no longer be ${verb}`
    )
  }
  return locked
}
