import User from '#models/user'
import type { MemberFilters } from '#validators/admin'
import { csvDocument, keysetBatches, type CsvValue } from '#services/csv'

const HEADER = [
  'Id',
  'Username',
  'Email',
  'Name',
  'Role',
  'Active',
  'Email verified',
  'Joined (UTC)',
  'Last sign-in (UTC)',
]
const BATCH = 1000

type Filters = Omit<MemberFilters, 'page' | 'limit'>

/**
 * The admin members list (I2) as CSV, with the list's filters and order:
 * members in keyset batches along `User.directory`'s order, so the export
 * streams however many members there are, one batch in memory at a time.
 */
export default class ExportUsers {
  static handle(filters: Filters): AsyncGenerator<string> {
    return csvDocument(HEADER, ExportUsers.rows(filters))
  }

  /**
   * The filtered members in the list's order, `size` at a time: each batch
   * resumes after the last member of the one before.
   */
  static batches(filters: Filters, size = BATCH): AsyncGenerator<User[]> {
    return keysetBatches<User>(size, (after, limit) =>
      User.directory(filters, after && { key: after.$extras.directory_key, id: after.id })
        .select('*')
        .select(User.directoryKey(filters.sort))
        .limit(limit)
    )
  }

  private static async *rows(filters: Filters): AsyncGenerator<CsvValue[]> {
    for await (const members of ExportUsers.batches(filters)) {
      for (const member of members) {
        yield [
          member.id,
          member.username,
          member.email,
          [member.firstName, member.lastName].filter(Boolean).join(' '),
          member.role,
          member.isActive ? 'yes' : 'no',
          member.isVerified ? 'yes' : 'no',
          member.createdAt.toUTC().toISO(),
          member.lastLoginAt?.toUTC().toISO() ?? '',
        ]
      }
    }
  }
}
