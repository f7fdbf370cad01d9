import vine from '@vinejs/vine'

/**
 * Text people write for other people (titles, descriptions, comments,
 * names, messages) must read as it is stored.
 *
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069) reorder what follows them on screen: "invoice‮fdp.exe"
 * shows as "invoiceexe.pdf". Nobody types them by hand; right-to-left
 * text needs none of them.
 */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g

/**
 * Characters that show nothing: spaces, control characters, and what
 * Unicode lists as ignorable by default (zero-width spaces and joiners,
 * soft hyphens, Hangul fillers), plus the blank braille pattern.
 */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/gu

export function hasVisibleCharacter(text: string) {
  return text.replace(INVISIBLE, '') !== ''
}

const readableText = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    if (value.search(BIDI_CONTROLS) !== -1) {
      field.report(
        'Remove the text direction controls (U+202A–U+202E, U+2066–U+2069): they make text read differently than it is written',
        'readableText.bidi',
        field
      )
    } else if (!hasVisibleCharacter(value)) {
      field.report('The {{ field }} field must have visible characters', 'readableText', field)
    }
  },
  { name: 'readableText' }
)

/**
 * A text field people read: trimmed, with at least one visible character
 * and no direction controls. Chain length rules as on `vine.string()`.
 */
export const text = () => vine.string().trim().use(readableText())
