import vine from '@vinejs/vine'

/**
 * Ids are UUIDs, and PostgreSQL's uuid type reads any letter case while the
 * application compares ids as strings (is this me? is this the author?).
 * Every id is therefore brought to its one canonical form, lower case, where
 * it arrives: route parameters through `uuidParam`, body and query fields
 * through `uuid`. Nothing past the edge ever sees an upper-case id.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The canonical form of an id, or null when `value` is not one.
 */
export function canonicalUuid(value: unknown): string | null {
  return typeof value === 'string' && UUID_PATTERN.test(value) ? value.toLowerCase() : null
}

/**
 * A route parameter that is an id. The framework's `router.matchers.uuid()`
 * also lower-cases, but its pattern (`[0-9a-zA-F]`) lets any lower-case
 * letter through, so `zzzzzzzz-…` reached PostgreSQL and failed there.
 */
export const uuidParam = () => ({
  match: UUID_PATTERN,
  cast: (value: string) => value.toLowerCase(),
})

/**
 * A body or query field that is an id.
 */
export const uuid = () => vine.string().trim().uuid().toLowerCase()

/**
 * A list of ids. Array rules such as `distinct()` run before each item's own
 * rules, so the items are lower-cased first: the same id in two cases is a
 * duplicate.
 */
export const uuidList = () =>
  vine
    .array(uuid())
    .parse((value) =>
      Array.isArray(value)
        ? value.map((item) => (typeof item === 'string' ? item.trim().toLowerCase() : item))
        : value
    )
