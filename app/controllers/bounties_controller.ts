import type { HttpContext } from '@adonisjs/core/http'
import Bounty, { type BoardFilters } from '#models/bounty'
import BountyCard from '#models/bounty_card'
import BountySubmission from '#models/bounty_submission'
import BountyWatcher from '#models/bounty_watcher'
import Category from '#models/category'
import Tag from '#models/tag'
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
    const { query, filters, page, problems } = await readBoardFilters(request.qs())
    const [bounties, categories] = await Promise.all([
      BountyCard.board(auth.user ?? null, filters, page, PER_PAGE),
      Category.query().withScopes((scopes) => scopes.ordered()),
    ])
    bounties.baseUrl(request.url()).queryString(query)
    return view.render('pages/bounties/index', {
      bounties,
      query,
      problems,
      categories,
      ...OPTIONS,
    })
  }

  async create({ bouncer, view }: HttpContext) {
    await bouncer.with(BountyPolicy).authorize('create')
    return view.render('pages/bounties/create', await choices())
  }

  /**
   * Posts a bounty: published (its reward escrowed at once) or a draft.
   */
  async store({ auth, request, response, session, bouncer }: HttpContext) {
    const data = await request.validateUsing(bountyFormValidator)
    await bouncer.with(BountyPolicy).authorize('create')
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
      watchLevels: WATCH_LEVELS.map((value) => ({ value, label: WATCH_LEVEL_LABELS[value] })),
    })
  }

  async edit({ auth, params, bouncer, view }: HttpContext) {
    const bounty = await Bounty.findVisibleOrFail(auth.use('web').getUserOrFail(), params.id)
    await bouncer.with(BountyPolicy).authorize('update', bounty)
    return view.render('pages/bounties/edit', { bounty, ...(await choices(bounty.categoryId)) })
  }

  /**
   * Saves the edit form; on a draft, "Publish" also escrows the reward.
   */
  async update({ auth, params, request, response, session, bouncer }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const data = await request.validateUsing(bountyFormValidator)
    const bounty = await Bounty.findVisibleOrFail(user, params.id)
    await bouncer.with(BountyPolicy).authorize('update', bounty)
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
 * What the bounty form offers: categories, and known tags to pick from.
 */
async function choices(keepCategoryId: string | null = null) {
  const [categories, tags] = await Promise.all([
    Category.query().withScopes((scopes) => {
      scopes.offered(keepCategoryId)
      scopes.ordered()
    }),
    Tag.query().orderByRaw('lower(name)').limit(200),
  ])
  return { categories, tags, ...OPTIONS }
}

function postedMessage(bounty: Bounty) {
  return bounty.isDraft
    ? 'Draft saved. Only you can see it until you publish it.'
    : `Bounty published: ${bounty.escrowAmount.format()} is held in escrow until the work is approved.`
}

/**
 * What the bounty page shows besides the card: its files, the discussion
 * and the timeline, in one query each.
 */
async function loadPage(bounty: Bounty) {
  await bounty.load((loader) =>
    loader
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
