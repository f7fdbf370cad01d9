import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import TeamPolicy from '#policies/team_policy'
import ChangeRole from '#actions/teams/change_role'
import RemoveMember from '#actions/teams/remove_member'
import { updateMemberRoleValidator } from '#validators/team'
import { serialize } from '#transformers/envelope'
import TeamMemberTransformer from '#transformers/team_member_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * A team's members: the list, a member's role, removing a member.
 */
export default class MembersController {
  async index({ auth, params, request, bouncer }: HttpContext) {
    const { page = 1, limit = 50 } = await request.validateUsing(listPageValidator)
    const team = await Team.findForMemberOrFail(auth.use('api').getUserOrFail(), params.id)
    await bouncer.with(TeamPolicy).authorize('view', team)
    const members = await TeamMembership.listOf(team.id, page, limit)
    return serialize(TeamMemberTransformer.paginate(members.all(), members.getMeta()))
  }

  async update({ auth, params, request, bouncer }: HttpContext) {
    const { role } = await request.validateUsing(updateMemberRoleValidator)
    const team = await Team.findForMemberOrFail(auth.use('api').getUserOrFail(), params.id)
    const target = await TeamMembership.findInTeamOrFail(team.id, params.userId)
    await bouncer.with(TeamPolicy).authorize('changeRole', team)
    const saved = await ChangeRole.handle(team, target, role)
    saved.$setRelated('user', target.user)
    return serialize(TeamMemberTransformer.transform(saved), { message: 'Role changed' })
  }

  async destroy({ auth, params, bouncer }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('api').getUserOrFail(), params.id)
    const target = await TeamMembership.findInTeamOrFail(team.id, params.userId)
    await bouncer.with(TeamPolicy).authorize('removeMember', team, target)
    await RemoveMember.handle(team, target)
    return serialize(null, { message: `@${target.user.username} was removed from the team` })
  }
}
