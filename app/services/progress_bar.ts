/**
 * A text progress bar for long ace commands (`[████░░░░] 40 / 100`).
 */
export function progressBar(done: number, total: number, width = 30) {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`
}
