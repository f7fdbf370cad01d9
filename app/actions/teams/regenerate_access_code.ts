import db from '@adonisjs/lucid/services/db'
import Team from '#models/team'
import type User from '#models/user'

/**
 * Replaces a team's access code: there is one code per team, so the old
 * one stops opening it the moment this commits.
 */
export default class RegenerateAccessCode {
  static async handle(actor: User, team: Team) {
    await db.transaction(async (trx) => {
      await Team.lockForUpdate(trx, team.id)
      await Team.withFreshCode(trx, (accessCode, client) =>
        client
          .from('teams')
          .where('id', team.id)
          .update({ access_code: accessCode, updated_at: new Date() })
      )
    })
    return Team.findForMemberOrFail(actor, team.id)
  }
}
