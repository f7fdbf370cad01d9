import { BaseTransformer } from '@adonisjs/core/transformers'
import type Team from '#models/team'

/**
 * A team as the caller sees it: their role in it, and the access code only
 * when that role may share it (ADMIN, MODERATOR; `null` for a MEMBER).
 * Takes a team loaded through `Team.ofMember` (the role is the caller's).
 */
export default class TeamTransformer extends BaseTransformer<Team> {
  toObject() {
    const team = this.resource
    return {
      ...this.toEvent(),
      role: team.viewerRole!,
      accessCode: team.viewerCanModerate ? team.accessCode : null,
    }
  }

  /**
   * What a `team.updated` live event carries to every member at once: no
   * role and no access code, since the same message reaches every role.
   */
  toEvent() {
    const team = this.resource
    return {
      id: team.id,
      name: team.name,
      description: team.description,
      isPrivate: team.isPrivate,
      maxMembers: team.maxMembers,
      memberCount: team.memberCount,
      createdAt: team.createdAt.toUTC().toISO()!,
    }
  }
}
