import { DateTime } from 'luxon'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import router from '@adonisjs/core/services/router'
import Money from '#ledger/money'
import Bounty from '#models/bounty'
import Team from '#models/team'
import User from '#models/user'
import type { TeamRole } from '#enums/team'
import CreateBounty from '#actions/bounties/create_bounty'
import ClaimBounty from '#actions/bounties/claim_bounty'
import InviteMember from '#actions/invitations/invite_member'
import MainSeeder, { DEMO_USERS } from '#database/seeders/main_seeder'

type DemoTeam = {
  name: string
  description: string
  accessCode: string
  isPrivate: boolean
  maxMembers: number
  allowMemberInvite: boolean
  timezone: string
  members: [username: string, role: TeamRole][]
  /** Open invitations to people outside the team: by whom, to whom. */
  invitations: [inviter: string, invitee: string][]
  bounties: {
    poster: string
    title: string
    description: string
    reward: string
    claimedBy?: string
  }[]
}

/**
 * The demo teams (README "Demo accounts" lists them with their codes).
 */
export const DEMO_TEAMS: DemoTeam[] = [
  {
    name: 'Hashira Council',
    description: 'Leads and reviewers: planning, budgets and the hard reviews.',
    accessCode: 'HSHRA7KQ',
    isPrivate: true,
    maxMembers: 10,
    allowMemberInvite: false,
    timezone: 'Asia/Tokyo',
    members: [
      ['kagaya', 'ADMIN'],
      ['rengoku', 'MODERATOR'],
      ['shinobu', 'MEMBER'],
    ],
    invitations: [['kagaya', 'tanjiro']],
    bounties: [
      {
        poster: 'kagaya',
        title: 'Quarterly budget review notes',
        description: 'Summarise where the treasury went this quarter, for the council only.',
        reward: '300.00',
        claimedBy: 'shinobu',
      },
      {
        poster: 'rengoku',
        title: 'Draft the reviewer rota for December',
        description: 'Who reviews what in December, with a fallback for each week.',
        reward: '120.00',
      },
    ],
  },
  {
    name: 'Mount Sagiri Makers',
    description: 'The product squad: pages, components, and the designs behind them.',
    accessCode: 'SAGRW4NZ',
    isPrivate: false,
    maxMembers: 20,
    allowMemberInvite: true,
    timezone: 'Asia/Tokyo',
    members: [
      ['tanjiro', 'ADMIN'],
      ['nezuko', 'MODERATOR'],
      ['zenitsu', 'MEMBER'],
      ['inosuke', 'MEMBER'],
      ['rengoku', 'MEMBER'],
    ],
    invitations: [['nezuko', 'shinobu']],
    bounties: [
      {
        poster: 'tanjiro',
        title: 'Team page: empty states',
        description: 'What the team page shows before anyone has checked in or posted.',
        reward: '80.00',
        claimedBy: 'nezuko',
      },
      {
        poster: 'tanjiro',
        title: 'Pair on the flaky checkout test',
        description: 'One afternoon, two people, one flaky test. Bring snacks.',
        reward: '45.00',
      },
    ],
  },
  {
    name: 'Night Patrol',
    description: 'On-call and operations: alerts, deploys and the odd 3 a.m. fix.',
    accessCode: 'NGHTP8TR',
    isPrivate: true,
    maxMembers: 8,
    allowMemberInvite: false,
    timezone: 'UTC',
    members: [
      ['inosuke', 'ADMIN'],
      ['zenitsu', 'MEMBER'],
      ['shinobu', 'MEMBER'],
    ],
    invitations: [
      ['inosuke', 'tanjiro'],
      ['inosuke', 'nezuko'],
    ],
    bounties: [
      {
        poster: 'inosuke',
        title: 'Write the on-call runbook for the database',
        description: 'Failover, restore from backup, and who to wake up, step by step.',
        reward: '150.00',
      },
    ],
  },
]

const WEEKS = 8

/**
 * Who does not check in this week, so that the demo shows both states
 * (and `tanjiro` can try the form).
 */
const NOT_YET_THIS_WEEK = new Set(['tanjiro', 'zenitsu', 'kagaya'])

const NOTES = [
  'Shipped the thing I was stuck on last week.',
  'Too many meetings, not enough making.',
  'Slept well, felt it.',
  'Reviews piled up; caught up by Friday.',
  'Helped a teammate debug a deploy.',
  null,
  null,
  null,
]

/**
 * Demo teams for `npm run dev` (F1–F3): roles, access codes, team-only
 * bounties escrowed through the real action, and eight weeks of check-ins
 * per member whose scores drift and dip plausibly (and the same on every
 * run), so the trends have a shape. Teams are written directly (the demo
 * needs fixed access codes); bounties go through CreateBounty so the ledger
 * holds their escrow.
 *
 * Seeding again leaves existing demo teams, their check-ins and their
 * bounties alone.
 */
export default class TeamSeeder extends BaseSeeder {
  static environment = ['development']

  async run() {
    await new MainSeeder(this.client).run()
    router.commit()
    const users = new Map<string, User>()
    for (const user of await User.query().whereIn(
      'username',
      DEMO_USERS.map((demo) => demo.username)
    )) {
      users.set(user.username, user)
    }
    const member = (username: string) => users.get(username)!

    const created: string[] = []
    for (const demo of DEMO_TEAMS) {
      if (await demoTeam(demo)) continue
      await db.transaction(async (trx) => {
        const team = await Team.create(
          {
            name: demo.name,
            description: demo.description,
            accessCode: demo.accessCode,
            isPrivate: demo.isPrivate,
            maxMembers: demo.maxMembers,
            allowMemberInvite: demo.allowMemberInvite,
            timezone: demo.timezone,
            memberCount: demo.members.length,
            createdBy: member(demo.members[0][0]).id,
          },
          { client: trx }
        )
        const joinedAt = DateTime.now().minus({ weeks: WEEKS + 1 })
        await trx.table('team_memberships').multiInsert(
          demo.members.map(([username, role]) => ({
            team_id: team.id,
            user_id: member(username).id,
            role,
            joined_at: joinedAt.toJSDate(),
          }))
        )
        await trx.table('check_ins').multiInsert(checkInsOf(team, demo, member))
      })
      created.push(demo.name)
    }

    const posted = await this.postBounties(member)
    const invited = await this.invite(member)
    if (invited > 0) console.log(`Demo invitations sent: ${invited}`)
    if (created.length === 0 && posted === 0) {
      console.log('Demo teams already present')
      return
    }
    console.log(`Demo teams: ${created.join(', ') || 'none new'}; team-only bounties: ${posted}`)
    for (const demo of DEMO_TEAMS) console.log(`  ${demo.accessCode}  ${demo.name}`)
  }

  /**
   * Each team's demo invitations through the real action (the invitee's
   * notification included), once: a pair that has any invitation already,
   * answered or not, is left alone, and so is an invitee who joined.
   */
  private async invite(member: (username: string) => User) {
    let invited = 0
    mail.fake()
    try {
      for (const demo of DEMO_TEAMS) {
        const team = await demoTeam(demo)
        if (!team) continue
        for (const [inviter, invitee] of demo.invitations) {
          const sent = await db
            .from('team_invitations')
            .where({ team_id: team.id, invitee_id: member(invitee).id })
            .first()
          if (sent || (await team.membershipOf(member(invitee).id))) continue
          await InviteMember.handle(member(inviter), team, invitee)
          invited++
        }
      }
    } finally {
      mail.restore()
    }
    return invited
  }

  /**
   * Each team's bounties that are not there yet (by title, within the
   * team), posted by a member of the team: the escrow is held in the
   * ledger as for any bounty.
   */
  private async postBounties(member: (username: string) => User) {
    let posted = 0
    mail.fake()
    try {
      for (const demo of DEMO_TEAMS) {
        const team = await demoTeam(demo)
        if (!team) continue
        for (const story of demo.bounties) {
          const present = await Bounty.query()
            .where('team_id', team.id)
            .where('title', story.title)
            .first()
          if (present) continue
          const bounty = await CreateBounty.handle(member(story.poster), {
            title: story.title,
            description: story.description,
            bountyAmount: Money.parse(story.reward),
            teamId: team.id,
          })
          if (story.claimedBy) await ClaimBounty.handle(member(story.claimedBy), bounty)
          posted++
        }
      }
    } finally {
      mail.restore()
    }
    return posted
  }
}

/**
 * The demo team as seeded, found by its code or, once its admins replaced
 * the code, by its name.
 */
function demoTeam(demo: DemoTeam) {
  return Team.query()
    .where('access_code', demo.accessCode)
    .orWhere('name', demo.name)
    .orderBy('created_at')
    .first()
}

/**
 * Eight past weeks of check-ins for every member (this week too for most),
 * the weeks starting on Monday in the team's timezone. Each member has a
 * level of their own; a shared wave and one hard week (a release) move the
 * whole team, and a small deterministic jitter keeps the lines alive.
 */
function checkInsOf(team: Team, demo: DemoTeam, member: (username: string) => User) {
  const thisWeek = DateTime.now().setZone(team.timezone).startOf('week')
  const rows: Record<string, unknown>[] = []
  demo.members.forEach(([username], memberIndex) => {
    const random = jitter(`${demo.accessCode}:${username}`)
    const level = 5 + (memberIndex % 3)
    for (let weeksAgo = WEEKS; weeksAgo >= 0; weeksAgo--) {
      if (weeksAgo === 0 && NOT_YET_THIS_WEEK.has(username)) continue
      const week = WEEKS - weeksAgo
      const wave = Math.sin((week + memberIndex) / 2)
      const crunch = weeksAgo === 3 ? -2 : 0
      const score = (base: number) => clamp(Math.round(base + random() * 2 - 1))
      rows.push({
        team_id: team.id,
        user_id: member(username).id,
        week_start: thisWeek.minus({ weeks: weeksAgo }).toISODate(),
        productive: score(level + wave + crunch / 2 + week * 0.15),
        satisfied: score(level + wave * 1.5 + crunch),
        body: score(level + 1 - wave / 2 + crunch),
        care: score(4 - wave - crunch),
        note: NOTES[Math.floor(random() * NOTES.length)],
        is_private: random() < 0.1,
        created_at: DateTime.min(
          thisWeek.minus({ weeks: weeksAgo }).plus({ days: 4, hours: 17 }),
          DateTime.now()
        ).toJSDate(),
      })
    }
  })
  return rows
}

function clamp(score: number) {
  return Math.min(10, Math.max(1, score))
}

/**
 * A small seeded generator (mulberry32): the same demo scores on every run.
 */
function jitter(seed: string) {
  let state = [...seed].reduce(
    (hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619),
    2166136261
  )
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}
