import { DomainError } from '#exceptions/domain_error'
import type Bounty from '#models/bounty'
import type User from '#models/user'
import AwayPeriod from '#models/away_period'
import takeSlot from '#actions/bounties/take_slot'

/**
 * The poster, a Pillar or a Leader hands a slot to a member (B3; after a
 * stale claim expires the poster reassigns this way, K2). Members who are
 * away (K8) cannot be assigned.
 */
export default class AssignBounty {
  static async handle(assigner: User, bounty: Bounty, assignee: User) {
    if (!assignee.isActive || assignee.isDeleted) {
      throw new DomainError('NOT_FOUND', 'No such member', { field: 'userId' })
    }
    if (bounty.isPostedBy(assignee)) {
      throw new DomainError('FORBIDDEN', 'The poster cannot work on their own bounty', {
        field: 'userId',
      })
    }
    if (!assignee.isVerified) {
      throw new DomainError(
        'FORBIDDEN',
        `@${assignee.username} has not verified their email address and cannot take bounties yet`,
        { field: 'userId' }
      )
    }
    if (!(await bounty.isVisibleTo(assignee))) {
      throw new DomainError(
        'FORBIDDEN',
        `@${assignee.username} is not a member of this bounty's team`,
        { field: 'userId' }
      )
    }
    const away = await AwayPeriod.current(assignee.id)
    if (away) {
      throw new DomainError(
        'FORBIDDEN',
        `@${assignee.username} is away until ${away.endsAt.toUTC().toFormat('d LLL yyyy')} and cannot be assigned work`,
        { field: 'userId' }
      )
    }
    return takeSlot(bounty, assignee, assigner)
  }
}
