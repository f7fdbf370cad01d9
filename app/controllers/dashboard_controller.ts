import type { HttpContext } from '@adonisjs/core/http'
import { moneyChart } from '#charts/balance_chart'
import Ledger, { accounts } from '#ledger/ledger'
import Bounty from '#models/bounty'
import BountyEvent from '#models/bounty_event'
import type User from '#models/user'
import UserStats from '#actions/users/user_stats'
import { ACTIVE_CLAIM_STATUSES } from '#enums/bounty'

const LIST_SIZE = 6
const EARNING_WEEKS = 12

/**
 * The member's own corner (H1): their figures, what they work on, what
 * they posted and completed, and what happened lately on those bounties.
 */
export default class DashboardController {
  async show({ auth, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const [stats, earnings, balances, working, posted, completed, drafts, activity] =
      await Promise.all([
        UserStats.handle(user),
        earningsChart(user),
        Ledger.balances(accounts.wallet(user.id)),
        bountiesOf(user).whereHas('claims', (claims) =>
          claims.where('user_id', user.id).whereIn('status', ACTIVE_CLAIM_STATUSES)
        ),
        bountiesOf(user)
          .where('bounties.created_by', user.id)
          .where('bounties.is_draft', false)
          .whereIn('bounties.status', ['AVAILABLE', 'IN_PROGRESS', 'REVIEW']),
        bountiesOf(user).whereHas('claims', (claims) =>
          claims.where('user_id', user.id).where('status', 'COMPLETED')
        ),
        Bounty.query().where('created_by', user.id).where('is_draft', true).count('* as total'),
        recentActivity(user),
      ])
    return view.render('pages/dashboard/show', {
      stats,
      earnings,
      balances,
      working,
      posted,
      completed,
      draftCount: Number(drafts[0].$extras.total),
      activity,
    })
  }
}

/**
 * What the member earned each week of the last `EARNING_WEEKS`, as a
 * chart; null while they have earned nothing in that time.
 */
async function earningsChart(user: User) {
  const weeks = await UserStats.weeklyEarnings(user, EARNING_WEEKS)
  return moneyChart(
    weeks.map(({ week, earned }) => ({ day: week, amount: earned })),
    (monday) => `Week of ${monday}`
  )
}

/**
 * The latest bounties the member may see, with what a card shows.
 */
function bountiesOf(user: User) {
  return Bounty.query()
    .withScopes((scopes) => {
      scopes.visibleTo(user)
      scopes.withCard()
    })
    .orderBy('bounties.updated_at', 'desc')
    .limit(LIST_SIZE)
}

/**
 * Timeline events on bounties the member posted or took a slot on, with
 * the bounty's title (`$extras.bounty_title`) for the link.
 */
function recentActivity(user: User) {
  return BountyEvent.query()
    .join('bounties', 'bounties.id', 'bounty_events.bounty_id')
    .select('bounty_events.*', 'bounties.title as bounty_title')
    .whereNull('bounties.deleted_at')
    .where((mine) =>
      mine
        .where('bounties.created_by', user.id)
        .orWhereExists((claims) =>
          claims
            .from('bounty_claims')
            .whereColumn('bounty_claims.bounty_id', 'bounties.id')
            .where('bounty_claims.user_id', user.id)
        )
    )
    .preload('actor')
    .orderBy('bounty_events.id', 'desc')
    .limit(10)
}
