import db from '@adonisjs/lucid/services/db'
import Bounty, { type BoardFilters } from '#models/bounty'
import type User from '#models/user'
import { csvDocument, keysetBatches, type CsvValue } from '#services/csv'

const HEADER = [
  'Id',
  'Title',
  'Status',
  'Priority',
  'Reward',
  'Slots',
  'Posted by',
  'Worked on by',
  'Team',
  'Category',
  'Tags',
  'Created (UTC)',
  'Published (UTC)',
  'Deadline (UTC)',
]
export const EXPORT_BATCH = 1000

type Row = {
  id: string
  created_at: Date
  created_key: string
  title: string
  status: string
  priority: string
  bounty_amount: string
  max_completions: number
  creator: string
  workers: string | null
  team_id: string | null
  category: string | null
  tags: string | null
  published_at: Date | null
  deadline: Date | null
}

/**
 * The admin bounty list (I3) as CSV, with the list's filters: read in
 * keyset batches on (created_at, id), newest first, so the export streams
 * however many bounties there are and never re-reads skipped rows.
 */
export default class ExportBounties {
  static handle(admin: User, filters: BoardFilters): AsyncGenerator<string> {
    return csvDocument(HEADER, ExportBounties.rows(admin, filters))
  }

  private static async *rows(admin: User, filters: BoardFilters): AsyncGenerator<CsvValue[]> {
    const batches = keysetBatches<Row>(EXPORT_BATCH, (after, size) =>
      ExportBounties.batch(admin, filters, after, size)
    )
    for await (const rows of batches) {
      for (const row of rows) yield ExportBounties.line(row)
    }
  }

  private static line(row: Row): CsvValue[] {
    return [
      row.id,
      row.title,
      row.status,
      row.priority,
      row.bounty_amount,
      row.max_completions,
      row.creator,
      row.workers ?? '',
      row.team_id ?? '',
      row.category ?? '',
      row.tags ?? '',
      isoTime(row.created_at),
      isoTime(row.published_at),
      isoTime(row.deadline),
    ]
  }

  static batch(admin: User, filters: BoardFilters, after: Row | null, size: number) {
    const query = Bounty.query()
      .withScopes((scopes) => {
        scopes.visibleTo(admin)
        scopes.matching(filters, admin)
      })
      .select(
        'bounties.id',
        'bounties.created_at',
        'bounties.title',
        'bounties.status',
        'bounties.priority',
        'bounties.bounty_amount',
        'bounties.max_completions',
        'bounties.team_id',
        'bounties.published_at',
        'bounties.deadline'
      )
      .select(
        db.raw(
          `bounties.created_at::text AS created_key,
           (SELECT username FROM users WHERE users.id = bounties.created_by) AS creator,
             (SELECT string_agg(u.username, ' ' ORDER BY u.username) FROM bounty_claims c
                JOIN users u ON u.id = c.user_id
               WHERE c.bounty_id = bounties.id AND c.status IN ('IN_PROGRESS', 'REVIEW')) AS workers,
             (SELECT name FROM categories WHERE categories.id = bounties.category_id) AS category,
             (SELECT string_agg(t.name, ' ' ORDER BY lower(t.name)) FROM bounty_tags bt
                JOIN tags t ON t.id = bt.tag_id WHERE bt.bounty_id = bounties.id) AS tags`
        )
      )
      .orderBy('bounties.created_at', 'desc')
      .orderBy('bounties.id', 'desc')
      .limit(size)
    if (after) {
      // The cursor's time as PostgreSQL wrote it: a JavaScript Date would
      // drop the microseconds and skip or repeat rows at a batch boundary.
      query.whereRaw('(bounties.created_at, bounties.id) < (?::timestamptz, ?)', [
        after.created_key,
        after.id,
      ])
    }
    return query.pojo<Row>()
  }
}

function isoTime(value: Date | string | null) {
  if (!value) return ''
  return (value instanceof Date ? value : new Date(value)).toISOString()
}
