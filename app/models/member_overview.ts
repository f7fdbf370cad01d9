import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Ledger, { accounts } from '#ledger/ledger'
import AuditLog from '#models/audit_log'
import Bounty from '#models/bounty'
import User from '#models/user'
import UserSession from '#models/user_session'

const RECENT = 8

const toDateTime = (date: Date | null) => (date ? DateTime.fromJSDate(date) : null)

/**
 * Everything a member's admin page shows (I2), read in one place: the
 * account, where it is signed in, its API tokens (names and use, never a
 * secret), the wallet, the bounties it posted and works on, and the audit
 * entries about it.
 */
export default class MemberOverview {
  static async of(member: User) {
    await member.loadProfileAndSettings()
    const [sessions, tokens, wallet, counts, bounties, audit] = await Promise.all([
      UserSession.ofUser(member.id),
      User.accessTokens.all(member),
      Ledger.balances(accounts.wallet(member.id)),
      this.#bountyCounts(member.id),
      Bounty.query()
        .whereNull('deleted_at')
        .where((query) => query.where('created_by', member.id).orWhere('assigned_to', member.id))
        .orderBy('created_at', 'desc')
        .limit(RECENT),
      AuditLog.about('user', member.id, RECENT),
    ])
    return {
      member,
      sessions,
      tokens: tokens.map((token) => ({
        name: token.name ?? 'API sign-in',
        abilities: token.abilities.map((ability) => (ability === '*' ? 'all' : ability)),
        createdAt: toDateTime(token.createdAt),
        lastUsedAt: toDateTime(token.lastUsedAt),
        expiresAt: toDateTime(token.expiresAt),
      })),
      wallet,
      counts,
      bounties,
      audit,
    }
  }

  static async #bountyCounts(memberId: string) {
    const row = await db
      .from('bounties')
      .whereNull('deleted_at')
      .where((query) => query.where('created_by', memberId).orWhere('assigned_to', memberId))
      .select(
        db.raw('count(*) filter (where created_by = ?)::int as posted', [memberId]),
        db.raw('count(*) filter (where assigned_to = ?)::int as assigned', [memberId])
      )
      .first()
    return { posted: Number(row?.posted ?? 0), assigned: Number(row?.assigned ?? 0) }
  }
}
