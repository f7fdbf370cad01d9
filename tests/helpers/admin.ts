import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'
import { postBounty } from '#tests/helpers/bounties'

/**
 * A published bounty only its team (and admins) may see: the admin lists
 * must show it although the board does not.
 */
export async function teamOnlyBounty(poster: User, title = 'Team-only work') {
  const [team] = await db
    .table('teams')
    .insert({
      name: 'Night shift',
      access_code: `T${Date.now().toString(36).toUpperCase()}`.slice(0, 12),
      created_by: poster.id,
    })
    .returning('id')
  const bounty = await postBounty(poster, { title })
  await db.from('bounties').where('id', bounty.id).update({ team_id: team.id })
  return { bounty, teamId: team.id as string }
}
