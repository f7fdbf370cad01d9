import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#exceptions/domain_error'
import Team from '#models/team'
import TeamInvitation from '#models/team_invitation'
import type User from '#models/user'
import { announceMember } from '#actions/teams/announce'

/**
 * Joins the team an access code opens. The team row is locked while the
 * seat is taken, so of two members racing for the last seat one gets it
 * and the other is told the team is full.
 */
export default class JoinTeam {
  static async handle(user: User, accessCode: string) {
    const team = await db.transaction(async (trx) => {
      const locked = await Team.lockByCode(trx, accessCode)
      await JoinTeam.takeSeat(locked, user, 'accessCode')
      return locked
    })
    announceMember(team.id, 'member.joined', user)
    return Team.findForMemberOrFail(user, team.id)
  }

  /**
   * Seats the member in a team locked in its transaction, or refuses: the
   * one place a seat is taken, by code or by invitation (AcceptInvitation),
   * so both queue on the same row lock for the last seat. An open invitation
   * to the team is accepted by the same step, however they joined.
   */
  static async takeSeat(locked: Team, user: User, field?: string) {
    if (await locked.membershipOf(user.id, locked.$trx)) {
      throw new DomainError('ALREADY_MEMBER', `You are already a member of ${locked.name}`, {
        field,
      })
    }
    if (locked.isFull) {
      throw new DomainError(
        'TEAM_FULL',
        `${locked.name} is full (${locked.maxMembers} members): ask an admin to raise the limit`,
        { field }
      )
    }
    await locked.addMember(user.id)
    await TeamInvitation.acceptOnJoin(locked.$trx!, locked.id, user.id)
  }
}
