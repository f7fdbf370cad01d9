import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { SimplePaginator } from '@adonisjs/lucid/database'
import { BadgeSchema } from '#database/schema'

export type BadgeHolder = {
  userId: string
  username: string
  awardedAt: DateTime
  grantedBy: string | null
}

/**
 * A badge of the catalogue (E2, I5): automatic ones (criteria in
 * app/gamification) and those admins define and grant by hand.
 */
export default class Badge extends BadgeSchema {
  /**
   * The whole catalogue, automatic badges first, then by name.
   */
  static catalogue() {
    return this.query().orderBy('is_automatic', 'desc').orderBy('name')
  }

  /**
   * The catalogue with how many members hold each badge
   * (`$extras.holders_count`), read through member_badges' badge_id index.
   */
  static catalogueWithHolders() {
    return this.catalogue()
      .select('badges.*')
      .select(
        db.raw(
          '(SELECT count(*)::int FROM member_badges WHERE badge_id = badges.id) AS holders_count'
        )
      )
  }

  /**
   * Who holds this badge, newest first, with who granted it by hand.
   */
  async holders(page: number, perPage = 25) {
    const rows = await db
      .from('member_badges')
      .join('users', 'users.id', 'member_badges.user_id')
      .leftJoin('users as granters', 'granters.id', 'member_badges.granted_by')
      .where('member_badges.badge_id', this.id)
      .orderBy([
        { column: 'member_badges.awarded_at', order: 'desc' },
        { column: 'users.username', order: 'asc' },
      ])
      .select(
        'users.id as user_id',
        'users.username',
        'member_badges.awarded_at',
        'granters.username as granted_by'
      )
      .paginate(page, perPage)
    return new SimplePaginator(
      rows.total,
      rows.perPage,
      rows.currentPage,
      ...rows.all().map(
        (row: { user_id: string; username: string; awarded_at: Date; granted_by: string | null }) =>
          ({
            userId: row.user_id,
            username: row.username,
            awardedAt: DateTime.fromJSDate(row.awarded_at),
            grantedBy: row.granted_by,
          }) satisfies BadgeHolder
      )
    )
  }
}
