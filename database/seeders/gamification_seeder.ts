import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import BountySeeder from '#database/seeders/bounty_seeder'
import TeamSeeder from '#database/seeders/team_seeder'
import RebuildGamification from '#gamification/rebuild'
import Badges from '#gamification/badges'
import User from '#models/user'

/**
 * Points, streaks and badges for the demo (E1–E3). The demo stories are
 * played through the real actions and then dated in the past, so the
 * derived rows are recomputed from that history at the end, exactly as
 * `node ace gamification:rebuild` does. Safe to run again: a rebuild of
 * the same history lands on the same rows.
 */
export default class GamificationSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    await new BountySeeder(this.client).run()
    await new TeamSeeder(this.client).run()
    const result = await db.transaction((trx) => RebuildGamification.handle(trx))
    await this.handGrantedBadge()
    const badges = await db.from('member_badges').count('* as total')
    console.log(
      `Gamification rebuilt: ${result.completions} completions, ${badges[0].total} badges held`
    )
  }

  /**
   * A badge a Leader defined and gave by hand, so the admin catalogue
   * (`/admin/badges`) shows both kinds. Created and granted once: the
   * unique code and the member_badges primary key keep a second run a no-op.
   */
  private async handGrantedBadge() {
    await db.rawQuery(
      `INSERT INTO badges (code, name, description, is_automatic)
       VALUES ('helping_hand', 'Helping hand', 'Helped another member out of a tight spot, as a Leader saw it.', false)
       ON CONFLICT (code) DO NOTHING`
    )
    const [leader, member] = await Promise.all([
      User.findByOrFail('username', 'kagaya'),
      User.findByOrFail('username', 'tanjiro'),
    ])
    await Badges.grant(db.connection(), {
      userId: member.id,
      code: 'helping_hand',
      at: new Date(),
      grantedBy: leader.id,
    })
  }
}
