import type { HttpContext } from '@adonisjs/core/http'
import Team from '#models/team'
import TeamPolicy from '#policies/team_policy'
import CreateTeam from '#actions/teams/create_team'
import UpdateTeam from '#actions/teams/update_team'
import DeleteTeam from '#actions/teams/delete_team'
import { createTeamValidator, updateTeamValidator } from '#validators/team'
import { serialize } from '#transformers/envelope'
import TeamTransformer from '#transformers/team_transformer'
import { listPageValidator } from '#validators/rules/pagination'

/**
 * The caller's teams and a team's own record (the API contract's "Teams").
 */
export default class TeamsController {
  async index({ auth, request }: HttpContext) {
    const { page = 1, limit = 20 } = await request.validateUsing(listPageValidator)
    const teams = await Team.listFor(auth.use('api').getUserOrFail(), page, limit)
    return serialize(TeamTransformer.paginate(teams.all(), teams.getMeta()))
  }

  async store({ auth, request, response, bouncer }: HttpContext) {
    const data = await request.validateUsing(createTeamValidator)
    await bouncer.with(TeamPolicy).authorize('create')
    const team = await CreateTeam.handle(auth.use('api').getUserOrFail(), data)
    response.status(201)
    return serialize(TeamTransformer.transform(team), { message: 'Team created' })
  }

  async show({ auth, params, bouncer }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('api').getUserOrFail(), params.id)
    await bouncer.with(TeamPolicy).authorize('view', team)
    return serialize(TeamTransformer.transform(team))
  }

  async update({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const data = await request.validateUsing(updateTeamValidator)
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('update', team)
    const saved = await UpdateTeam.handle(user, team, data)
    return serialize(TeamTransformer.transform(saved), { message: 'Team updated' })
  }

  async destroy({ auth, params, request, bouncer }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('delete', team)
    await DeleteTeam.handle(user, team, { ip: request.ip() })
    return serialize(null, {
      message: 'Team deleted; its open bounties were cancelled and refunded',
    })
  }
}
