/*
|--------------------------------------------------------------------------
| Edge globals
|--------------------------------------------------------------------------
*/
import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { listComponentsOnce } from '#overrides/edge_components'
import { DateTime } from 'luxon'
import { BOUNTY_PRIORITY_LABELS, BOUNTY_STATUS_LABELS } from '#enums/bounty'

/**
 * A moment or an ISO date (`2026-12-07`, as plain read rows carry dates).
 */
edge.global('formatDate', (value: DateTime | string | null | undefined, format = 'd LLL yyyy') =>
  !value ? '—' : (typeof value === 'string' ? DateTime.fromISO(value) : value).toFormat(format)
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
 * Production caches templates; Edge would still re-list the components
 * folder on every request without this (app/overrides/edge_components.ts).
 */
if (app.inProduction) listComponentsOnce(edge)
