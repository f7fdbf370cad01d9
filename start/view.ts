/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
*/
import edge from 'edge.js'
import { type DateTime } from 'luxon'

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
