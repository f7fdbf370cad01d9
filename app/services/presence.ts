import { randomUUID } from 'node:crypto'
import transmit from '@adonisjs/transmit/services/main'
import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import Team from '#models/team'
import { liveChannels, presenceTeamOf } from '#services/live_channels'

/**
 * Where "member X has a stream open on process P" is kept, so that any
 * process can tell which of a team's members are online.
 */
export type PresenceStore = {
  add(userIds: string[]): Promise<void>
  remove(userId: string): Promise<void>
  /**
   * The ids among `userIds` with a stream open on some process.
   */
  online(userIds: string[]): Promise<string[]>
}

/**
 * One process: the members holding streams here are everyone online.
 */
export class MemoryPresenceStore implements PresenceStore {
  #online = new Set<string>()

  async add(userIds: string[]) {
    for (const userId of userIds) this.#online.add(userId)
  }

  async remove(userId: string) {
    this.#online.delete(userId)
  }

  async online(userIds: string[]) {
    return userIds.filter((userId) => this.#online.has(userId))
  }
}

/**
 * Several processes sharing Redis (J5): per member a sorted set of the
 * processes holding one of their streams, scored by when that claim
 * expires. A process renews its claims while it holds the streams
 * (Presence.HEARTBEAT_MS), so the claims of a process that died without
 * saying goodbye lapse by themselves after Presence.CLAIM_TTL_MS.
 */
export class RedisPresenceStore implements PresenceStore {
  static readonly PREFIX = 'corps::presence::'

  constructor(
    private processId: string,
    private ttlMs: number
  ) {}

  async add(userIds: string[]) {
    if (userIds.length === 0) return
    const expires = Date.now() + this.ttlMs
    const pipeline = redis.connection('main').pipeline()
    for (const userId of userIds) {
      pipeline.zadd(this.#key(userId), expires, this.processId)
      pipeline.pexpire(this.#key(userId), this.ttlMs)
    }
    await pipeline.exec()
  }

  async remove(userId: string) {
    await redis.connection('main').zrem(this.#key(userId), this.processId)
  }

  async online(userIds: string[]) {
    if (userIds.length === 0) return []
    const now = Date.now()
    const pipeline = redis.connection('main').pipeline()
    for (const userId of userIds) pipeline.zcount(this.#key(userId), `(${now}`, '+inf')
    const counts = (await pipeline.exec()) ?? []
    return userIds.filter((_, index) => Number(counts[index]?.[1] ?? 0) > 0)
  }

  #key(userId: string) {
    return `${RedisPresenceStore.PREFIX}${userId}`
  }
}

/**
 * Who of a team is online (D4): a member is online while they hold an open
 * event stream (`GET /__transmit/events`) on any app process. The streams
 * of this process report their owners here (app/overrides/live_streams.ts);
 * when a member comes or goes, every team they belong to gets its new list
 * on `teams/:id/presence`.
 */
export class Presence {
  /**
   * How long a member whose last stream here closed stays online: moving
   * from one page to the next closes a stream and opens another, which
   * must not flicker them offline and back for their whole team.
   */
  lingerMs = 3000

  static readonly HEARTBEAT_MS = 30_000
  static readonly CLAIM_TTL_MS = 3 * Presence.HEARTBEAT_MS

  /**
   * Open streams per member on this process.
   */
  #streams = new Map<string, number>()
  #leaving = new Map<string, NodeJS.Timeout>()
  #heartbeat?: NodeJS.Timeout
  #inFlight = new Set<Promise<void>>()

  constructor(readonly store: PresenceStore) {}

  /**
   * A stream of `userId` opened (or was claimed by them) on this process.
   */
  arrived(userId: string) {
    const count = (this.#streams.get(userId) ?? 0) + 1
    this.#streams.set(userId, count)
    if (count > 1) return
    const leaving = this.#leaving.get(userId)
    if (leaving) {
      clearTimeout(leaving)
      this.#leaving.delete(userId)
      return
    }
    this.#quietly(async () => {
      await this.store.add([userId])
      await this.announce(userId)
    })
  }

  /**
   * A stream of `userId` on this process closed.
   */
  left(userId: string) {
    const count = this.#streams.get(userId)
    if (count === undefined) return
    if (count > 1) return void this.#streams.set(userId, count - 1)
    this.#streams.delete(userId)
    const timer = setTimeout(() => this.#depart(userId), this.lingerMs)
    timer.unref()
    this.#leaving.set(userId, timer)
  }

  /**
   * The HTTP server has stopped, so every stream of this process is gone:
   * their members leave now (not after the linger, nor when their sockets
   * get round to closing), and every update under way finishes. Nothing
   * touches the database after this (tests/bootstrap.ts, before the test
   * database is rolled back).
   */
  async settle() {
    const everyone = new Set([...this.#streams.keys(), ...this.#leaving.keys()])
    this.#streams.clear()
    for (const userId of everyone) this.#depart(userId)
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight)
  }

  /**
   * The members of the team online now, in a stable order.
   */
  async onlineIn(teamId: string) {
    const rows = await db.from('team_memberships').where('team_id', teamId).select('user_id')
    const online = await this.store.online(rows.map((row) => row.user_id as string))
    return online.sort()
  }

  /**
   * A stream just subscribed to `channel`: when it is a team's presence,
   * `send` gives that stream alone the current list (the other followers
   * already have it).
   */
  welcome(channel: string, send: (payload: { type: 'presence'; online: string[] }) => void) {
    const teamId = presenceTeamOf(channel)
    if (!teamId) return
    this.#quietly(async () => send({ type: 'presence', online: await this.onlineIn(teamId) }))
  }

  /**
   * The team's members changed (someone joined or left): its list again.
   */
  teamChanged(teamId: string) {
    this.#quietly(() => this.broadcastTeam(teamId))
  }

  /**
   * Sends the team's list to its presence channel.
   */
  async broadcastTeam(teamId: string) {
    transmit.broadcast(liveChannels.teamPresence(teamId), {
      type: 'presence',
      online: await this.onlineIn(teamId),
    })
  }

  /**
   * Every team of `userId` learns their new state.
   */
  async announce(userId: string) {
    for (const teamId of await Team.idsOf(userId)) await this.broadcastTeam(teamId)
  }

  /**
   * Renews this process's claims in a shared store while it holds them.
   */
  startHeartbeat() {
    if (this.#heartbeat || this.store instanceof MemoryPresenceStore) return
    this.#heartbeat = setInterval(
      () => this.#quietly(() => this.store.add([...this.#streams.keys(), ...this.#leaving.keys()])),
      Presence.HEARTBEAT_MS
    )
    this.#heartbeat.unref()
  }

  /**
   * This process is shutting down: its claims go now rather than when they
   * lapse.
   */
  async withdraw() {
    clearInterval(this.#heartbeat)
    const held = [...this.#streams.keys(), ...this.#leaving.keys()]
    for (const timer of this.#leaving.values()) clearTimeout(timer)
    this.#leaving.clear()
    await Promise.all(held.map((userId) => this.store.remove(userId))).catch((error) =>
      logger.warn({ err: error }, 'presence claims not withdrawn')
    )
  }

  #depart(userId: string) {
    clearTimeout(this.#leaving.get(userId))
    this.#leaving.delete(userId)
    this.#quietly(async () => {
      await this.store.remove(userId)
      await this.announce(userId)
    })
  }

  /**
   * Presence is a courtesy: a failed update is logged, never thrown into
   * the stream handling that reported it.
   */
  #quietly(work: () => Promise<void>) {
    const running: Promise<void> = work()
      .catch((error) => logger.warn({ err: error }, 'presence update failed'))
      .finally(() => this.#inFlight.delete(running))
    this.#inFlight.add(running)
  }
}

const presence = new Presence(
  env.get('REDIS_HOST')
    ? new RedisPresenceStore(randomUUID(), Presence.CLAIM_TTL_MS)
    : new MemoryPresenceStore()
)

export default presence
