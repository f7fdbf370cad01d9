/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { type DateTime } from 'luxon'
import { BOUNTY_PRIORITY_LABELS, BOUNTY_STATUS_LABELS } from '#enums/bounty'

edge.global('formatDate', (value: DateTime | null | undefined, format = 'd LLL yyyy') =>
  value ? value.toFormat(format) : '—'
)
edge.global('relativeTime', (value: DateTime | null | undefined) =>
  value ? value.toRelative() : 'never'
)
edge.global(
  'roleLabel',
  (role: string) => ({ OYAKATASAMA: 'Leader', HASHIRA: 'Pillar', SLAYER: 'Member' })[role] ?? role
)
edge.global(
  'statusLabel',
  (status: string) => BOUNTY_STATUS_LABELS[status as keyof typeof BOUNTY_STATUS_LABELS] ?? status
)
edge.global(
  'priorityLabel',
  (priority: string) =>
    BOUNTY_PRIORITY_LABELS[priority as keyof typeof BOUNTY_PRIORITY_LABELS] ?? priority
)

/**
 * Edge 6 decides whether to re-list the components folder on every render
 * when the instance is created (no cache then), and the provider's later
 * `configure({ cache: true })` does not change that: in production each
 * page walked resources/views/components on disk (readdirSync + stat per
 * file, ~2 % of the board's CPU). Templates do not change while a
 * production server runs, so the listing is read once.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let listed: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (listed ??= listComponents())
}
