import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import type User from '#models/user'
import { postBounty } from '#tests/helpers/bounties'

/**
 * A published bounty only its team (and admins) may see: the admin lists
 * must show it although the board does not.
 */
export async function teamOnlyBounty(poster: User, title = 'Team-only work') {
  const [team] = await db
    .table('teams')
    .insert({
      name: 'Night shift',
      access_code: `T${Date.now().toString(36).toUpperCase()}`.slice(0, 12),
      created_by: poster.id,
    })
    .returning('id')
  const bounty = await postBounty(poster, { title })
  await db.from('bounties').where('id', bounty.id).update({ team_id: team.id })
  return { bounty, teamId: team.id as string }
}

/**
 * An audit entry as an action writes it, at a chosen time.
 */
export async function recorded(
  actor: User,
  action: string,
  subjectId: string,
  at: string,
  data: Record<string, unknown> = { before: { role: 'SLAYER' } }
) {
  const entry = await db.transaction((trx) =>
    AuditLog.record(
      { user: actor, ip: '203.0.113.9' },
      { action, subject: { type: 'user', id: subjectId }, data },
      trx
    )
  )
  // The table refuses updates (append-only); the time is set with the trigger set aside.
  await db.rawQuery('ALTER TABLE audit_logs DISABLE TRIGGER audit_logs_append_only')
  await db.from('audit_logs').where('id', entry.id).update({ created_at: at })
  await db.rawQuery('ALTER TABLE audit_logs ENABLE TRIGGER audit_logs_append_only')
  return entry
}
