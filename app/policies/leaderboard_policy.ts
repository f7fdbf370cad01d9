import { AuthorizationResponse, BasePolicy } from '@adonisjs/bouncer'
import type { AuthorizerResponse } from '@adonisjs/bouncer/types'
import type Team from '#models/team'
import TeamMembership from '#models/team_membership'
import type User from '#models/user'

/**
 * Who sees which leaderboard (E4, docs/permissions.md "Leaderboards"):
 * every signed-in member sees the board of everyone; a team's board, like
 * the team itself, only its current members and Leaders, and to anyone
 * else the team does not exist.
 */
export default class LeaderboardPolicy extends BasePolicy {
  async viewTeam(user: User, team: Team): Promise<AuthorizerResponse> {
    if (user.isAdmin) return true
    return (
      (await TeamMembership.of(team.id, user.id)) !== null ||
      AuthorizationResponse.deny('Not found', 404)
    )
  }
}
