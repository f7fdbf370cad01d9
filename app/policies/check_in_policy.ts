import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type CheckIn from '#models/check_in'
import type Team from '#models/team'
import type User from '#models/user'
import TeamMembership from '#models/team_membership'

/**
 * Who may do what with weekly check-ins (F3): the "Check-ins" section of
 * docs/permissions.md is this file as a table. The policy answers "who";
 * whether the check-in's week is still open is the action's call
 * (INVALID_TRANSITION), checked again under the row lock.
 *
 * A team's check-ins are its members' business: to anyone else the team
 * answers 404, so an outsider cannot learn that it exists. Checking in is
 * the exception the API contract fixes: a non-member gets 403.
 */
export default class CheckInPolicy extends BasePolicy {
  /**
   * An unknown team gets the same answer as someone else's.
   */
  async create(user: User, team: Team | null): Promise<AuthorizerResponse> {
    return (
      (team && (await isMember(user, team.id))) ||
      AuthorizationResponse.deny('Only members of this team can check in', 403)
    )
  }

  /**
   * The team's check-ins, trends and the member's own current one.
   */
  async viewTeam(user: User, team: Team): Promise<AuthorizerResponse> {
    return (await isMember(user, team.id)) || notFound()
  }

  /**
   * A check-in: its author always; a teammate unless it is private (its
   * scores still count in the team's averages). Lists apply the same rule
   * in their query (`CheckIn.visibleInTeam`).
   */
  async view(user: User, checkIn: CheckIn): Promise<AuthorizerResponse> {
    if (checkIn.isAuthoredBy(user)) return true
    if (checkIn.isPrivate) return notFound()
    return (await isMember(user, checkIn.teamId)) || notFound()
  }

  /**
   * Its author only: a teammate who can see it is refused (403), anyone
   * else is told it does not exist (404).
   */
  async update(user: User, checkIn: CheckIn): Promise<AuthorizerResponse> {
    return this.authorOnly(user, checkIn, 'Only its author can change a check-in')
  }

  async delete(user: User, checkIn: CheckIn): Promise<AuthorizerResponse> {
    return this.authorOnly(user, checkIn, 'Only its author can delete a check-in')
  }

  private async authorOnly(user: User, checkIn: CheckIn, refusal: string) {
    if (checkIn.isAuthoredBy(user)) return true
    const visible = await this.view(user, checkIn)
    return visible === true ? AuthorizationResponse.deny(refusal, 403) : visible
  }
}

async function isMember(user: User, teamId: string) {
  return Boolean(await TeamMembership.of(teamId, user.id))
}

function notFound() {
  return AuthorizationResponse.deny('Not found', 404)
}
