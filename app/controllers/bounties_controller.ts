import type { HttpContext } from '@adonisjs/core/http'
import Bounty, { type BoardFilters } from '#models/bounty'
import BountyCard from '#models/bounty_card'
import BountySubmission from '#models/bounty_submission'
import BountyWatcher from '#models/bounty_watcher'
import Category from '#models/category'
import Tag from '#models/tag'
import Team from '#models/team'
import TeamMembership from '#models/team_membership'
import User from '#models/user'
import BountyPolicy from '#policies/bounty_policy'
import CreateBounty from '#actions/bounties/create_bounty'
import UpdateBounty from '#actions/bounties/update_bounty'
import DeleteBounty from '#actions/bounties/delete_bounty'
import {
  BOUNTY_PRIORITIES,
  BOUNTY_PRIORITY_LABELS,
  BOUNTY_SORTS,
  BOUNTY_SORT_LABELS,
  BOUNTY_STATUSES,
  BOUNTY_STATUS_LABELS,
} from '#enums/bounty'
import { WATCH_LEVELS, WATCH_LEVEL_LABELS } from '#enums/notification'
import { liveChannels } from '#services/live_channels'
import { boardFilterMessages, boardFiltersValidator, bountyFormValidator } from '#validators/bounty'

const PER_PAGE = 20

/**
 * The board and a bounty's own pages (B1–B7).
 */
export default class BountiesController {
  /**
   * The board (B5). The whole filter lives in the query string, so a
   * filtered board is a link to share; a value that is not valid is
   * dropped with a notice rather than failing the page.
   */
  async index({ auth, request, view }: HttpContext) {
    const viewer = auth.user ?? null
    const { query, filters, page, problems } = await readBoardFilters(request.qs())
    const team = filters.teamId ? await Team.findVisibleOrFail(viewer, filters.teamId) : null
    const [bounties, categories, membership, live] = await Promise.all([
      BountyCard.board(viewer, filters, page, PER_PAGE),
      Category.query().withScopes((scopes) => scopes.ordered()),
      team ? TeamMembership.of(team.id, viewer?.id) : null,
      boardChannels(viewer, team),
    ])
    bounties.baseUrl(request.url()).queryString(query)
    return view.render('pages/bounties/index', {
      bounties,
      query,
      problems,
      categories,
      team,
      membership,
      live,
      watchLevels: WATCH_LEVEL_CHOICES,
      ...OPTIONS,
    })
  }

  async create({ auth, bouncer, request, view }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('create')
    return view.render('pages/bounties/create', {
      ...(await choices(auth.use('web').getUserOrFail())),
      teamId: request.qs().teamId ?? '',
    })
  }

  /**
   * Posts a bounty: published (its reward escrowed at once) or a draft.
   */
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(bountyFormValidator)
    await bouncer.with(BountyPolicy).authorize('create')
    if (data.teamId) await bouncer.with(BountyPolicy).authorize('postInTeam', data.teamId)
    const bounty = await CreateBounty.handle(auth.use('web').getUserOrFail(), data)
    session.flash('success', postedMessage(bounty))
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }

  async show({ auth, params, bouncer, view }: HttpContext) {
    const viewer = auth.user ?? null
    const bounty = await Bounty.findVisibleOrFail(viewer, params.id)
    const seesAllWork = await bouncer.with(BountyPolicy).allows('viewSubmissions', bounty)
    const submissions = await submissionsFor(bounty, viewer, seesAllWork)
    await loadPage(bounty)
    await User.showNamesTo(viewer, [
      ...peopleNamedOn(bounty),
      ...submissions.map((submission) => submission.user),
    ])
    return view.render('pages/bounties/show', {
      bounty,
      // The viewer's slot now (to deliver or abandon), and whether they ever took one.
      myClaim: viewer ? (bounty.activeClaimOf(viewer) ?? null) : null,
      hasWorkedOn: viewer ? bounty.liveClaimOf(viewer) !== undefined : false,
      submissions,
      watchLevel: viewer ? await BountyWatcher.levelOf(viewer.id, bounty.id) : null,
      watchLevels: WATCH_LEVEL_CHOICES,
    })
  }

  async edit({ auth, params, bouncer, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('update', bounty)
    return view.render('pages/bounties/edit', { bounty, ...(await choices(user, bounty)) })
  }

  /**
   * Saves the edit form; on a draft, "Publish" also escrows the reward.
   */
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(bountyFormValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('update', bounty)
    if (data.teamId && data.teamId !== bounty.teamId) {
      await bouncer.with(BountyPolicy).authorize('postInTeam', data.teamId)
    }
    if (data.draft === false && bounty.isDraft) {
      await bouncer.with(BountyPolicy).authorize('publish', bounty)
    }
    const saved = await UpdateBounty.handle(user, bounty, data, { ip: request.ip() })
    session.flash('success', bounty.isDraft && !saved.isDraft ? postedMessage(saved) : 'Saved.')
    return response.redirect().toRoute('bounties.show', { id: bounty.id })
  }

  /**
   * A draft goes for good; a published bounty is hidden and its escrow
   * returns to the poster.
   */
  async destroy({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('delete', bounty)
    await DeleteBounty.handle(user, bounty, { ip: request.ip() })
    session.flash(
      'success',
      bounty.isDraft ? 'Draft deleted.' : `“${bounty.title}” was deleted and its escrow refunded.`
    )
    return response.redirect().toRoute(bounty.isDraft ? 'drafts.index' : 'home')
  }
}

const FILTER_KEYS = [
  'teamId',
  'q',
  'status',
  'priority',
  'tag',
  'category',
  'minAmount',
  'maxAmount',
  'deadlineAfter',
  'deadlineBefore',
  'sort',
] as const

/**
 * The board's filters from the query string: the values as typed (empty
 * fields dropped), to refill the form and carry across pages, and the
 * validated filters. Invalid values are left out, each with its message.
 */
async function readBoardFilters(qs: Record<string, unknown>) {
  const query: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const value = qs[key]
    if (typeof value === 'string' && value.trim()) query[key] = value.trim()
  }
  const page = typeof qs.page === 'string' ? qs.page : undefined
  const options = { messagesProvider: boardFilterMessages }
  let [error, filters] = await boardFiltersValidator.tryValidate({ ...query, page }, options)
  const problems: { field: string; message: string }[] = error?.messages ?? []
  if (error) {
    for (const { field } of problems) delete query[field as keyof typeof query]
    ;[, filters] = await boardFiltersValidator.tryValidate(query, options)
  }
  const { page: validPage = 1, ...rest } = filters ?? {}
  return { query, filters: rest as BoardFilters, page: validPage, problems }
}

/**
 * The fixed choices of the board's filters and of the bounty form.
 */
const OPTIONS = {
  statuses: BOUNTY_STATUSES.map((value) => ({ value, label: BOUNTY_STATUS_LABELS[value] })),
  priorities: BOUNTY_PRIORITIES.map((value) => ({ value, label: BOUNTY_PRIORITY_LABELS[value] })),
  sorts: BOUNTY_SORTS.map((value) => ({ value, label: BOUNTY_SORT_LABELS[value] })),
}

/**
 * The live channels announcing new bounties to this board: a team's board
 * hears its team; the whole board hears `board` and the viewer's teams,
 * whose bounties it lists too.
 */
async function boardChannels(viewer: User | null, team: Team | null) {
  if (team) return [liveChannels.team(team.id)]
  const teamIds = viewer ? await Team.idsOf(viewer.id) : []
  return [liveChannels.board, ...teamIds.map((id) => liveChannels.team(id))]
}

const WATCH_LEVEL_CHOICES = WATCH_LEVELS.map((value) => ({
  value,
  label: WATCH_LEVEL_LABELS[value],
}))

/**
 * What the bounty form offers: categories, known tags to pick from, and
 * the poster's teams to post into (F2), with the bounty's own team when a
 * Leader edits a bounty of a team they are not in.
 */
async function choices(user: User, bounty?: Bounty) {
  const [categories, tags, teams] = await Promise.all([
    Category.query().withScopes((scopes) => {
      scopes.offered(bounty?.categoryId ?? null)
      scopes.ordered()
    }),
    Tag.query().orderByRaw('lower(name)').limit(200),
    Team.joinedBy(user.id),
  ])
  if (bounty?.teamId && !teams.some((team) => team.id === bounty.teamId)) {
    teams.push(await Team.findOrFail(bounty.teamId))
  }
  return { categories, tags, teams, ...OPTIONS }
}

function postedMessage(bounty: Bounty) {
  return bounty.isDraft
    ? 'Draft saved. Only you can see it until you publish it.'
    : `Bounty published: ${bounty.escrowAmount.format()} is held in escrow until the work is approved.`
}

/**
 * What the bounty page shows besides the card: its team, its files, the
 * discussion and the timeline, in one query each.
 */
async function loadPage(bounty: Bounty) {
  await bounty.load((loader) =>
    loader
      .load('team')
      .load('attachments', (files) => files.orderBy('created_at'))
      .load('comments', (comments) =>
        comments.preload('author').preload('attachments').orderBy('created_at').orderBy('id')
      )
      .load('events', (events) => events.preload('actor').orderBy('id'))
  )
  return bounty
}

/**
 * The members a bounty page names (loadPage loaded its comments).
 */
function peopleNamedOn(bounty: Bounty) {
  return [
    bounty.creator,
    ...bounty.liveClaims.map((claim) => claim.user),
    ...bounty.comments.map((comment) => comment.author),
  ]
}

/**
 * Delivered work: reviewers see all of it, a claimant their own.
 */
function submissionsFor(bounty: Bounty, viewer: User | null, seesAll: boolean) {
  if (!viewer) return []
  return BountySubmission.query()
    .where('bounty_id', bounty.id)
    .if(!seesAll, (query) => query.where('user_id', viewer.id))
    .preload('user')
    .preload('reviewedBy')
    .preload('attachments')
    .orderBy('created_at', 'desc')
}
