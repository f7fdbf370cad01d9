import { column } from '@adonisjs/lucid/orm'
import type { ColumnOptions } from '@adonisjs/lucid/types/model'
import Money from '#ledger/money'

/**
 * A numeric(14,2) column read and written as Money. database/schema_rules.ts
 * maps every decimal column to it, so models never see money as a string.
 */
export function moneyColumn(options: Partial<ColumnOptions> = {}) {
  return column({
    ...options,
    consume: (value: string | number | null) => (value === null ? null : Money.fromDb(value)),
    prepare: (value: Money | null) => (value === null ? null : value.toString()),
    serialize: (value: Money | null) => (value === null ? null : value.toString()),
  })
}
