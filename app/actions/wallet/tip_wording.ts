/**
 * How a tip names the bounty it was for, wherever it is worded (history
 * lines, the recipient's notice, the sender's confirmation): ` for “Title”`,
 * or nothing for a plain tip.
 */
export function forBounty(bounty?: { title: string } | null) {
  return bounty ? ` for “${bounty.title}”` : ''
}
