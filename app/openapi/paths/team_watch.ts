import { updateWatchLevelValidator } from '#validators/notification'
import {
  bearer,
  failure,
  fromValidator,
  jsonBody,
  operation,
  ref,
  success,
  uuidPath,
  type Operation,
} from '#openapi/builders'

/**
 * A member's watch level on their team's new bounties (K10). Described
 * apart from the team resource so the team pages' own paths stay theirs.
 */
const tags = ['Notifications']
const teamId = uuidPath('id', 'The team (the caller must be a member)')

export const teamWatchPaths: Record<string, Record<string, Operation>> = {
  '/teams/{id}/watch-level': {
    get: operation({
      tags,
      operationId: 'getTeamWatchLevel',
      summary: 'The caller’s watch level on a team’s new bounties',
      security: bearer('read'),
      parameters: [teamId],
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404) },
    }),
    put: operation({
      tags,
      operationId: 'setTeamWatchLevel',
      summary: 'Watch, unwatch or mute a team’s new bounties',
      description:
        '`watching`: every new bounty of the team is notified; `normal`: only new bounties with a tag the caller watches; `muted`: no new bounty of the team, whatever its tags. A team the caller is not in is a 404.',
      security: bearer('write'),
      parameters: [teamId],
      requestBody: jsonBody(fromValidator(updateWatchLevelValidator), { level: 'watching' }),
      responses: { ...success('The level', ref('WatchLevel')), ...failure(404), ...failure(422) },
    }),
  },
}
