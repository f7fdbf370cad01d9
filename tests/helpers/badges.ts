import db from '@adonisjs/lucid/services/db'
import type User from '#models/user'

/**
 * The member already holds the badge (earned long ago), so what a test does
 * next announces nothing new about it.
 */
export async function holdsBadge(user: User, code: string) {
  await db.rawQuery(
    `INSERT INTO member_badges (user_id, badge_id, awarded_at)
     SELECT ?, id, now() - interval '30 days' FROM badges WHERE code = ?`,
    [user.id, code]
  )
}
