import type { LucidModel } from '@adonisjs/lucid/types/model'

/**
 * Several records in one result row: `table.column AS "prefix.column"` for
 * each column (a token and its member, a tip's history line and its
 * notice), taken apart again by `takePrefixed`. (A dot, not a colon: knex
 * would read `:column` as a named binding.)
 */
export function prefixedColumns(table: string, columns: string[], prefix: string) {
  return columns.map((column) => `${table}.${column} AS "${prefix}.${column}"`).join(', ')
}

/**
 * The record selected under `prefix` (without it), or null when every column
 * is null (a LEFT JOIN that found nothing).
 */
export function takePrefixed(row: Record<string, unknown>, prefix: string) {
  const record: Record<string, unknown> = {}
  let found = false
  for (const [key, value] of Object.entries(row)) {
    if (!key.startsWith(`${prefix}.`)) continue
    record[key.slice(prefix.length + 1)] = value
    if (value !== null) found = true
  }
  return found ? record : null
}

/**
 * A model's database column names.
 */
export function columnsOf(model: LucidModel) {
  return [...model.$columnsDefinitions.values()].map((definition) => definition.columnName)
}
