import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#exceptions/domain_error'
import Ledger from '#ledger/ledger'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import Team from '#models/team'
import type User from '#models/user'
import LiveAccess from '#services/live_access'
import CancelBounty from '#actions/bounties/cancel_bounty'

/**
 * Deletes a team and settles its bounties first (docs/teams.md "Deleting
 * a team"): while anyone works on one of them nothing happens; otherwise
 * each open one is cancelled with its escrow refunded to its poster, and
 * every one of them is hidden, since it was written for the team alone and
 * must not become public when the team is gone. Memberships and check-ins
 * go with the team.
 */
export default class DeleteTeam {
  static async handle(actor: User, team: Team, context: { ip?: string | null } = {}) {
    const { memberIds, bountyIds } = await Ledger.transaction(async (trx) => {
      const locked = await Team.lockForUpdate(trx, team.id)
      const bounties = await lockBounties(trx, locked.id)

      const busy = bounties.filter((bounty) => bounty.isPublished && bounty.isWorkedOn)
      if (busy.length > 0) {
        throw new DomainError(
          'INVALID_TRANSITION',
          `Members are still working on ${busy.length === 1 ? 'a bounty' : `${busy.length} bounties`} of this team (${busy.map((bounty) => `“${bounty.title}”`).join(', ')}): review or wait for that work before deleting the team`
        )
      }

      const cancelled: string[] = []
      for (const bounty of bounties) {
        if (bounty.isPublished && !bounty.isClosed) {
          await CancelBounty.cancelLocked(trx, bounty, actor, 'team deleted')
          cancelled.push(bounty.id)
        }
      }
      const now = DateTime.now().toJSDate()
      await trx
        .from('bounties')
        .where('team_id', locked.id)
        .whereNull('deleted_at')
        .update({ deleted_at: now })
      await trx.from('bounties').where('team_id', locked.id).update({ team_id: null })

      const members = await trx
        .from('team_memberships')
        .where('team_id', locked.id)
        .select('user_id')
      await AuditLog.record(
        { user: actor, ip: context.ip ?? null },
        {
          action: 'team.delete',
          subject: { type: 'team', id: locked.id },
          data: { name: locked.name, members: members.length, cancelledBounties: cancelled },
        },
        trx
      )
      await locked.delete()
      return {
        memberIds: members.map((row) => row.user_id as string),
        bountyIds: bounties.map((bounty) => bounty.id),
      }
    })
    for (const userId of memberIds) LiveAccess.memberChanged(userId)
    for (const bountyId of bountyIds) LiveAccess.bountyChanged(bountyId)
  }
}

/**
 * The team's bounties not hidden yet, each locked with its claims loaded.
 */
async function lockBounties(trx: TransactionClientContract, teamId: string) {
  const rows = await trx
    .from('bounties')
    .where('team_id', teamId)
    .whereNull('deleted_at')
    .orderBy('id')
    .select('id')
  const bounties: Bounty[] = []
  for (const row of rows) bounties.push(await Bounty.lockForUpdate(trx, row.id))
  return bounties
}
