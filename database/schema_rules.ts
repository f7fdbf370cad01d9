import type { SchemaRules } from '@adonisjs/lucid/types/schema_generator'

/**
 * Rules for the generated database/schema.ts:
 * - money columns (numeric) are Money values, never strings or floats;
 * - bigint columns (and bigserial keys) are strings, which is what the pg
 *   driver returns for int8 (a JavaScript number cannot hold every int8).
 */
const BIGINT_TYPES = ['bigint', 'bigserial', 'int8']

export default {
  types: {
    decimal: {
      tsType: 'Money',
      imports: [
        { source: '#ledger/money', defaultImport: 'Money' },
        { source: '#ledger/money_column', namedImports: ['moneyColumn'] },
      ],
      decorators: [{ name: '@moneyColumn' }],
    },
    bigint: {
      tsType: 'string',
      imports: [],
      decorators: [{ name: '@column' }],
    },
  },
  primaryKey: (_table, primaryKeys, columns) => {
    const columnName = primaryKeys[0]
    const column = columnName ? columns[columnName] : undefined
    if (!column) return undefined
    const tsType = BIGINT_TYPES.includes(column.type)
      ? 'string'
      : ['integer', 'int4', 'serial', 'smallint'].includes(column.type)
        ? 'number'
        : 'string'
    return {
      columnName,
      columnInfo: {
        tsType,
        imports: [],
        decorators: [{ name: '@column', args: { isPrimary: true } }],
      },
    }
  },
} satisfies SchemaRules
