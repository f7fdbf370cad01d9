import { BaseTransformer } from '@adonisjs/core/transformers'
import type CheckIn from '#models/check_in'

/**
 * A check-in as the API contract fixes it (F3). `weekStart` is the Monday
 * of its week on the team's clock.
 */
export default class CheckInTransformer extends BaseTransformer<CheckIn> {
  toObject() {
    const checkIn = this.resource
    return {
      id: checkIn.id,
      teamId: checkIn.teamId,
      weekStart: checkIn.weekStartDate,
      productive: checkIn.productive,
      satisfied: checkIn.satisfied,
      body: checkIn.body,
      care: checkIn.care,
      score: checkIn.score!,
      note: checkIn.note,
      isPrivate: checkIn.isPrivate,
      createdAt: checkIn.createdAt.toUTC().toISO()!,
    }
  }
}
