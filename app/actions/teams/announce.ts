import { broadcastTeamEvent } from '#services/broadcast'
import { serialize } from '#transformers/envelope'
import TeamTransformer from '#transformers/team_transformer'
import type Team from '#models/team'

/**
 * The team actions' live events on `teams/:id`, sent once their change is
 * committed, in the API contract's "Live events" shapes.
 */
export async function announceTeamUpdated(team: Team) {
  const { data } = await serialize(TeamTransformer.transform(team).useVariant('toEvent'))
  broadcastTeamEvent(team.id, {
    type: 'team.updated',
    team: data as Record<string, string | number | boolean | null>,
  })
}

export function announceMember(
  teamId: string,
  type: 'member.joined' | 'member.left',
  user: { id: string; username: string }
) {
  broadcastTeamEvent(teamId, { type, user: { id: user.id, username: user.username } })
}
