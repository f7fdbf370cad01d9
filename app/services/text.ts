/**
 * Cutting text people wrote without breaking a character. `String#slice`
 * counts UTF-16 units, so it can split an emoji into a lone surrogate (which
 * PostgreSQL stores as U+FFFD) or a flag into two letters. These cut between
 * grapheme clusters (what a reader sees as one character) and count code
 * points, which is how PostgreSQL measures `varchar(n)`.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

function codePoints(text: string) {
  return Array.from(text).length
}

/**
 * The longest start of `text` of whole characters within `max` code points.
 */
export function leadingCharacters(text: string, max: number) {
  if (text.length <= max) return text
  let kept = ''
  let length = 0
  for (const { segment } of graphemes.segment(text)) {
    length += codePoints(segment)
    if (length > max) break
    kept += segment
  }
  return kept
}

/**
 * The longest end of `text` of whole characters within `max` code points
 * (a file name keeps its extension).
 */
export function trailingCharacters(text: string, max: number) {
  if (text.length <= max) return text
  const segments = [...graphemes.segment(text)].map(({ segment }) => segment)
  let length = 0
  let start = segments.length
  while (start > 0 && length + codePoints(segments[start - 1]) <= max) {
    length += codePoints(segments[--start])
  }
  return segments.slice(start).join('')
}

/**
 * `text` within `max` code points, ending in "…" when it was cut.
 */
export function excerpt(text: string, max: number) {
  if (codePoints(text) <= max) return text
  return `${leadingCharacters(text, max - 1)}…`
}

/**
 * A LIKE pattern that finds `words` anywhere in a text, with LIKE's own
 * wildcards (`%`, `_`) and its escape character in `words` taken literally.
 */
export function containing(words: string) {
  return `%${words.replace(/[\\%_]/g, '\\$&')}%`
}
