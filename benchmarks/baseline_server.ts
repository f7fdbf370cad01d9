/*
|--------------------------------------------------------------------------
| Baseline for npm run bench: raw node:http + pg, no framework
|--------------------------------------------------------------------------
|
| What the board page and GET /api/v1/bounties cost without AdonisJS: the
| same SQL the board issues (the total, the page of 20 published bounties,
| then their posters, single-slot assignees, categories, tags and live
| claims with their members, those five at once as Lucid does, and the
| categories of the filter form), rendered as escaped HTML cards or as the
| API's JSON. What a framework adds on top (sessions, auth, CSRF, policies,
| models, templates, transformers, logging) is what the benchmark measures.
|
|   GET /                ?status=&priority=&tag=&q=&sort=newest|reward|deadline&page=
|   GET /api/bounties    the same, as JSON
|   GET /joined          the board from one hand-written query (every
|                        relation folded in as JSON) plus the count, for
|                        reference
|
| Run: node benchmarks/baseline_server.ts (PORT, DB_HOST/DB_PORT/DB_USER/
| DB_PASSWORD/DB_DATABASE). One pg pool of 10 connections, like the app's.
*/
import { createServer, type ServerResponse } from 'node:http'
import pg from 'pg'

const PER_PAGE = 20

const pool = new pg.Pool({
  host: process.env.DB_HOST ?? '127.0.0.1',
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USER ?? 'postgres',
  password: process.env.DB_PASSWORD ?? '',
  database: process.env.DB_DATABASE ?? 'corps',
  max: 10,
})

type Filters = {
  status?: string
  priority?: string
  tag?: string
  q?: string
  sort: string
  page: number
}

type Card = {
  id: string
  title: string
  description: string
  description_html: string
  bounty_amount: string
  estimated_hours: number | null
  deadline: Date | null
  status: string
  priority: string
  max_completions: number
  claim_window_days: number
  team_id: string | null
  is_draft: boolean
  published_at: Date | null
  completed_at: Date | null
  cancelled_at: Date | null
  created_at: Date
  updated_at: Date
  creator: { id: string; username: string }
  assignee: { id: string; username: string } | null
  category: { id: string; name: string; slug: string } | null
  tags: { name: string; color: string }[]
  claims: {
    id: string
    status: string
    user: { id: string; username: string }
    createdAt: string
  }[]
}

function filtersOf(url: URL): Filters {
  const text = (name: string) => url.searchParams.get(name)?.trim() || undefined
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10)
  return {
    status: text('status'),
    priority: text('priority'),
    tag: text('tag'),
    q: text('q'),
    sort: text('sort') ?? 'newest',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  }
}

/**
 * The board's WHERE for a guest: published, not deleted, not team-only.
 */
function where(filters: Filters) {
  const clauses = ['b.deleted_at IS NULL', 'NOT b.is_draft', 'b.team_id IS NULL']
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  if (filters.status) clauses.push(`b.status = ${param(filters.status)}`)
  if (filters.priority) clauses.push(`b.priority = ${param(filters.priority)}`)
  if (filters.q) clauses.push(`b.search @@ websearch_to_tsquery('english', ${param(filters.q)})`)
  if (filters.tag) {
    clauses.push(`EXISTS (SELECT 1 FROM bounty_tags bt JOIN tags t ON t.id = bt.tag_id
      WHERE bt.bounty_id = b.id AND lower(t.name) = ${param(filters.tag.toLowerCase())})`)
  }
  return { sql: clauses.join(' AND '), params }
}

const ORDER: Record<string, string> = {
  newest: 'b.published_at DESC NULLS FIRST, b.id DESC',
  reward: 'b.bounty_amount DESC, b.published_at DESC NULLS FIRST, b.id DESC',
  deadline: 'b.deadline ASC NULLS LAST, b.published_at DESC NULLS FIRST, b.id DESC',
}

type Row = Record<string, any>

const byId = (rows: Row[]) => new Map(rows.map((row) => [row.id, row]))

/**
 * The board the way the app loads it: the total, the page, then the card
 * relations by id, five queries at once (the claims' members after them).
 */
async function board(filters: Filters) {
  const { sql, params } = where(filters)
  const offset = (filters.page - 1) * PER_PAGE
  const count = await pool.query<{ total: string }>(
    `SELECT count(*) AS total FROM bounties b WHERE ${sql}`,
    params
  )
  const { rows: page } = await pool.query<Row>(
    `SELECT b.* FROM bounties b WHERE ${sql} ORDER BY ${ORDER[filters.sort] ?? ORDER.newest}
      LIMIT ${PER_PAGE} OFFSET ${offset}`,
    params
  )
  const ids = page.map((row) => row.id)
  const userIds = (column: string) => [...new Set(page.map((row) => row[column]).filter(Boolean))]
  const [creators, assignees, categories, tags, claims] = await Promise.all([
    pool.query<Row>('SELECT * FROM users WHERE id = ANY($1)', [userIds('created_by')]),
    pool.query<Row>('SELECT * FROM users WHERE id = ANY($1)', [userIds('assigned_to')]),
    pool.query<Row>('SELECT * FROM categories WHERE id = ANY($1)', [
      [...new Set(page.map((row) => row.category_id).filter(Boolean))],
    ]),
    pool.query<Row>(
      `SELECT t.*, bt.bounty_id FROM tags t JOIN bounty_tags bt ON bt.tag_id = t.id
        WHERE bt.bounty_id = ANY($1) ORDER BY lower(t.name)`,
      [ids]
    ),
    pool.query<Row>(
      `SELECT * FROM bounty_claims WHERE status IN ('IN_PROGRESS', 'REVIEW', 'COMPLETED')
          AND bounty_id = ANY($1) ORDER BY created_at`,
      [ids]
    ),
  ])
  const claimants = await pool.query<Row>('SELECT * FROM users WHERE id = ANY($1)', [
    [...new Set(claims.rows.map((claim) => claim.user_id))],
  ])
  const members = byId(claimants.rows)
  const posters = byId(creators.rows)
  const workers = byId(assignees.rows)
  const kinds = byId(categories.rows)
  const person = (user: Row | undefined) => (user ? { id: user.id, username: user.username } : null)
  const cards: Card[] = page.map((row) => {
    const category = kinds.get(row.category_id)
    return {
      ...(row as Card),
      creator: person(posters.get(row.created_by))!,
      assignee: person(workers.get(row.assigned_to)),
      category: category ? { id: category.id, name: category.name, slug: category.slug } : null,
      tags: tags.rows
        .filter((tag) => tag.bounty_id === row.id)
        .map((tag) => ({ name: tag.name, color: tag.color })),
      claims: claims.rows
        .filter((claim) => claim.bounty_id === row.id)
        .map((claim) => ({
          id: claim.id,
          status: claim.status,
          user: person(members.get(claim.user_id))!,
          createdAt: claim.created_at.toISOString(),
        })),
    }
  })
  return { cards, total: Number(count.rows[0].total) }
}

/**
 * The same page from one hand-written query with every relation folded in
 * as JSON, and the count.
 */
async function joinedBoard(filters: Filters) {
  const { sql, params } = where(filters)
  const offset = (filters.page - 1) * PER_PAGE
  const [rows, count] = await Promise.all([
    pool.query<Card>(
      `SELECT b.id, b.title, b.description, b.description_html, b.bounty_amount, b.estimated_hours,
              b.deadline, b.status, b.priority, b.max_completions, b.claim_window_days, b.team_id,
              b.is_draft, b.published_at, b.completed_at, b.cancelled_at, b.created_at, b.updated_at,
              json_build_object('id', cu.id, 'username', cu.username) AS creator,
              CASE WHEN au.id IS NULL THEN NULL
                   ELSE json_build_object('id', au.id, 'username', au.username) END AS assignee,
              CASE WHEN c.id IS NULL THEN NULL
                   ELSE json_build_object('id', c.id, 'name', c.name, 'slug', c.slug) END AS category,
              coalesce((SELECT json_agg(json_build_object('name', t.name, 'color', t.color)
                                        ORDER BY lower(t.name))
                          FROM bounty_tags bt JOIN tags t ON t.id = bt.tag_id
                         WHERE bt.bounty_id = b.id), '[]') AS tags,
              coalesce((SELECT json_agg(json_build_object(
                                  'id', cl.id, 'status', cl.status, 'createdAt', cl.created_at,
                                  'user', json_build_object('id', u.id, 'username', u.username))
                                ORDER BY cl.created_at)
                          FROM bounty_claims cl JOIN users u ON u.id = cl.user_id
                         WHERE cl.bounty_id = b.id
                           AND cl.status IN ('IN_PROGRESS', 'REVIEW', 'COMPLETED')), '[]') AS claims
         FROM bounties b
         JOIN users cu ON cu.id = b.created_by
         LEFT JOIN users au ON au.id = b.assigned_to
         LEFT JOIN categories c ON c.id = b.category_id
        WHERE ${sql}
        ORDER BY ${ORDER[filters.sort] ?? ORDER.newest}
        LIMIT ${PER_PAGE} OFFSET ${offset}`,
      params
    ),
    pool.query<{ total: string }>(`SELECT count(*) AS total FROM bounties b WHERE ${sql}`, params),
  ])
  return { cards: rows.rows, total: Number(count.rows[0].total) }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (char) => ESCAPES[char])

const money = (value: string) =>
  Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

function renderBoard(cards: Card[], total: number, filters: Filters, categories: Row[]) {
  const items = cards
    .map((card) => {
      const open = card.max_completions - card.claims.length
      const tags = card.tags
        .map(
          (tag) =>
            `<li><a class="tag" href="/?tag=${encodeURIComponent(tag.name)}"><svg width="8" height="8"><circle cx="4" cy="4" r="4" fill="${escape(tag.color)}"/></svg>${escape(tag.name)}</a></li>`
        )
        .join('')
      return `<li><article class="bounty-card">
<span class="status">${escape(card.status)}</span> <span class="priority">${escape(card.priority)}</span>
${card.category ? `<span>${escape(card.category.name)}</span>` : ''}
<h3><a href="/bounties/${card.id}">${escape(card.title)}</a></h3>
<p>${escape(card.description.slice(0, 160))}</p>
<ul class="tags">${tags}</ul>
<p>By <a href="/u/${escape(card.creator.username)}">@${escape(card.creator.username)}</a>
${card.deadline ? `Due ${escape(card.deadline.toISOString().slice(0, 10))}` : 'No deadline'}
${card.assignee ? `Taken by @${escape(card.assignee.username)}` : ''}</p>
<p class="reward">${money(card.bounty_amount)}</p>
${card.max_completions > 1 ? `<p>${open} of ${card.max_completions} slots open</p>` : ''}
</article></li>`
    })
    .join('\n')
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Board · Corps</title>
<link rel="stylesheet" href="/css/app.css"></head><body><main>
<h1>Bounty board</h1><form method="GET" action="/"><input name="q" value="${escape(filters.q ?? '')}">
<select name="category">${categories.map((category) => `<option value="${escape(category.slug)}">${escape(category.name)}</option>`).join('')}</select></form>
<h2>${total} bounties</h2><ol class="bounty-list">${items}</ol>
<nav>Page ${filters.page} of ${Math.max(1, Math.ceil(total / PER_PAGE))}</nav>
</main></body></html>`
}

/**
 * The same fields BountyTransformer sends, with the paginator's meta.
 */
function renderApi(cards: Card[], total: number, filters: Filters) {
  const iso = (value: Date | null) => (value ? value.toISOString() : null)
  return JSON.stringify({
    data: cards.map((card) => ({
      id: card.id,
      title: card.title,
      description: card.description,
      descriptionHtml: card.description_html,
      bountyAmount: card.bounty_amount,
      estimatedHours: card.estimated_hours,
      deadline: iso(card.deadline),
      status: card.status,
      priority: card.priority,
      tags: card.tags,
      creator: card.creator,
      assignee: card.assignee,
      maxCompletions: card.max_completions,
      slotsRemaining:
        card.status === 'COMPLETED' || card.status === 'CANCELLED'
          ? 0
          : Math.max(0, card.max_completions - card.claims.length),
      claims: card.claims,
      claimWindowDays: card.claim_window_days,
      category: card.category,
      teamId: card.team_id,
      isDraft: card.is_draft,
      publishedAt: iso(card.published_at),
      completedAt: iso(card.completed_at),
      cancelledAt: iso(card.cancelled_at),
      createdAt: iso(card.created_at),
      updatedAt: iso(card.updated_at),
    })),
    meta: {
      total,
      perPage: PER_PAGE,
      currentPage: filters.page,
      lastPage: Math.max(1, Math.ceil(total / PER_PAGE)),
    },
  })
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) })
  response.end(body)
}

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://baseline')
    if (url.pathname === '/health/live') return send(response, 200, 'text/plain', 'ok')
    const filters = filtersOf(url)
    if (url.pathname === '/' || url.pathname === '/joined') {
      const [{ cards, total }, categories] = await Promise.all([
        url.pathname === '/' ? board(filters) : joinedBoard(filters),
        pool.query<Row>('SELECT * FROM categories ORDER BY name'),
      ])
      const html = renderBoard(cards, total, filters, categories.rows)
      return send(response, 200, 'text/html; charset=utf-8', html)
    }
    if (url.pathname === '/api/bounties') {
      const { cards, total } = await board(filters)
      return send(response, 200, 'application/json', renderApi(cards, total, filters))
    }
    send(response, 404, 'text/plain', 'Not found')
  } catch (error) {
    send(response, 500, 'text/plain', String(error))
  }
})

server.listen(Number(process.env.PORT ?? 4299), process.env.HOST ?? '127.0.0.1')
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))))
