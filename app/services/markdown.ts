import { Marked } from 'marked'
import sanitizeHtml from 'sanitize-html'

/**
 * Markdown written by members (bounty descriptions, comments, submission
 * notes) as HTML that is safe to put on any page.
 *
 * Two layers: raw HTML in the markdown is escaped, so it shows as the text
 * the author typed, and the rendered HTML then goes through an allowlist
 * sanitiser, so no tag, attribute or URL scheme outside the list survives
 * whatever the markdown parser produced.
 */
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const parser = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    // An image from anywhere would tell its host who reads the page: it
    // becomes a link the reader may choose to follow.
    image: ({ href, text }) => `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`,
  },
})

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // Links leave Corps without telling the target where they came from and
    // without handing it a window.opener.
    a: sanitizeHtml.simpleTransform('a', {
      rel: 'nofollow noopener noreferrer ugc',
      target: '_blank',
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'input' && frame.attribs.type !== 'checkbox',
}

export function renderMarkdown(markdown: string): string {
  const html = parser.parse(markdown) as string
  return sanitizeHtml(html, ALLOWED).trim()
}

/**
 * Usernames named as `@username` outside code, lower-cased and unique, in
 * the order they first appear. Email addresses are not mentions.
 */
export function extractMentions(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ')
  const names = new Set<string>()
  for (const match of prose.matchAll(/(^|[^\w@.\/])@([a-z0-9_]{3,20})(?![\w])/gi)) {
    names.add(match[2].toLowerCase())
  }
  return [...names]
}
