import type { VineValidator } from '@vinejs/vine'
import type { Infer, MessagesProviderContact, SchemaTypes } from '@vinejs/vine/types'

export type FilterProblem = { field: string; message: string }

/**
 * A list page's filters from its query string: the values of `keys` that
 * validate, and a form error for each that does not. The page still lists
 * (without the bad filter) and shows the error next to the form, as the
 * board does, so a hand-edited link never fails with an error page.
 */
export async function readFilters<Schema extends SchemaTypes>(
  validator: VineValidator<Schema, Record<string, any> | undefined>,
  qs: Record<string, unknown>,
  keys: readonly string[],
  messagesProvider?: MessagesProviderContact
) {
  const query: Record<string, string> = {}
  for (const key of keys) {
    const value = qs[key]
    if (typeof value === 'string' && value.trim()) query[key] = value.trim()
  }
  const options = messagesProvider ? { messagesProvider } : {}
  let [error, filters] = await validator.tryValidate(query, options)
  const problems: FilterProblem[] = error?.messages ?? []
  if (error) {
    for (const { field } of problems) delete query[field]
    ;[, filters] = await validator.tryValidate(query, options)
  }
  return { query, filters: (filters ?? {}) as Partial<Infer<Schema>>, problems }
}
