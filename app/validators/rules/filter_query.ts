/**
 * A list page's filter values as typed (empty fields dropped), to refill its
 * form and keep them across pages.
 */
export function filterQuery(qs: Record<string, unknown>, keys: string[]) {
  const query: Record<string, string> = {}
  for (const key of keys) {
    if (typeof qs[key] === 'string' && qs[key]) query[key] = qs[key]
  }
  return query
}
