import { BaseTransformer } from '@adonisjs/core/transformers'
import type TeamMembership from '#models/team_membership'

/**
 * A member of a team as its members see them (`user` loaded).
 */
export default class TeamMemberTransformer extends BaseTransformer<TeamMembership> {
  toObject() {
    const membership = this.resource
    return {
      user: { id: membership.user.id, username: membership.user.username },
      role: membership.role,
      joinedAt: membership.joinedAt.toUTC().toISO()!,
    }
  }
}
