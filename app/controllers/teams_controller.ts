import type { HttpContext } from '@adonisjs/core/http'
import BountyCard from '#models/bounty_card'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import User from '#models/user'
import TeamPolicy from '#policies/team_policy'
import CreateTeam from '#actions/teams/create_team'
import UpdateTeam from '#actions/teams/update_team'
import DeleteTeam from '#actions/teams/delete_team'
import { TEAM_ROLES, TEAM_ROLE_LABELS } from '#enums/team'
import { teamFormValidator } from '#validators/team'
import { TIMEZONE_OPTIONS } from '#validators/rules/timezone'
import presence from '#services/presence'
import TeamTrends from '#actions/checkins/team_trends'
import { teamTrendsChart } from '#charts/trend_chart'

/**
 * My teams, a team's page and its settings (F1).
 */
export default class TeamsController {
  async index({ auth, view }: HttpContext) {
    const teams = await Team.listFor(auth.use('web').getUserOrFail(), 1, 100)
    return view.render('pages/teams/index', { teams: teams.all(), roleLabels: TEAM_ROLE_LABELS })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(TeamPolicy).authorize('create')
    return view.render('pages/teams/create', { timezones: TIMEZONE_OPTIONS })
  }

  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(teamFormValidator)
    await bouncer.with(TeamPolicy).authorize('create')
    const team = await CreateTeam.handle(auth.use('web').getUserOrFail(), data)
    session.flash('success', `${team.name} is ready. Share its access code to invite people.`)
    return response.redirect().toRoute('teams.show', { id: team.id })
  }

  async show({ auth, params, bouncer, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('view', team)
    const [members, bounties, online, trends] = await Promise.all([
      TeamMembership.listOf(team.id, 1, 1000),
      BountyCard.board(user, { teamId: team.id, status: 'AVAILABLE' }, 1, 5),
      presence.onlineIn(team.id),
      TeamTrends.handle(team, { userId: user.id }),
    ])
    await User.showNamesTo(
      user,
      members.all().map((membership) => membership.user)
    )
    return view.render('pages/teams/show', {
      team,
      members: members.all(),
      recentlyJoined: recentlyJoined(members.all()),
      bounties: bounties.all(),
      roles: ROLE_OPTIONS,
      roleLabels: TEAM_ROLE_LABELS,
      online: new Set(online),
      trendsChart: teamTrendsChart(trends.weeks),
    })
  }

  async edit({ auth, params, bouncer, view }: HttpContext) {
    const team = await Team.findForMemberOrFail(auth.use('web').getUserOrFail(), params.id)
    await bouncer.with(TeamPolicy).authorize('update', team)
    return view.render('pages/teams/edit', { team, timezones: TIMEZONE_OPTIONS })
  }

  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(teamFormValidator)
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('update', team)
    await UpdateTeam.handle(user, team, data)
    session.flash('success', 'Team settings saved.')
    return response.redirect().toRoute('teams.edit', { id: team.id })
  }

  /**
   * Deleting cancels the team's open bounties (refunding their escrow) and
   * hides them all; it is refused while someone works on one.
   */
  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const team = await Team.findForMemberOrFail(user, params.id)
    await bouncer.with(TeamPolicy).authorize('delete', team)
    await DeleteTeam.handle(user, team, { ip: request.ip() })
    session.flash('success', `${team.name} was deleted.`)
    return response.redirect().toRoute('teams.index')
  }
}

const ROLE_OPTIONS = TEAM_ROLES.map((value) => ({ value, label: TEAM_ROLE_LABELS[value] }))

/**
 * The team's recent activity: who joined lately, newest first.
 */
function recentlyJoined(members: TeamMembership[]) {
  return [...members].sort((a, b) => b.joinedAt.toMillis() - a.joinedAt.toMillis()).slice(0, 5)
}
