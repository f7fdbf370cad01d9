import type { ServerResponse } from 'node:http'
import type { HttpContext } from '@adonisjs/core/http'
import type transmit from '@adonisjs/transmit/services/main'
import type User from '#models/user'

type StreamManager = ReturnType<(typeof transmit)['getManager']>
type TransmitStream = ReturnType<StreamManager['createStream']>
type SubscribeParams = Parameters<StreamManager['subscribe']>[0]
type UnsubscribeParams = Parameters<StreamManager['unsubscribe']>[0]

/**
 * What a stream was opened or subscribed with: a browser session (its id,
 * which never leaves this process) or an API token (its id).
 */
export type Credential = { kind: 'session'; id: string } | { kind: 'token'; id: string }

/**
 * Who holds a stream, as a re-check sees it.
 */
export type StreamHolder = {
  ownerId: string | null
  credentials: readonly Credential[]
}

/**
 * "Access changed" (sent through Transmit, so every app process gets it):
 * re-check the streams of one member, or every subscriber of one channel.
 * `ended` names credentials known to be over already (a sign-out whose
 * session is only written once the response is sent).
 */
export type AccessChange = { member: string; ended: string[] } | { channel: string }

/**
 * The channel rules LiveStreams applies: which channels exist, who may
 * follow one (at subscribe time), and the same rule again for a stream's
 * holder when access changed (null: the holder no longer holds anything,
 * close the stream; otherwise the channels now refused).
 */
export type ChannelRules = {
  isKnown(channel: string): boolean
  mayFollow(viewer: User | null, channel: string): Promise<boolean>
  recheck(holder: StreamHolder, channels: string[], ended: string[]): Promise<string[] | null>
  credentialOf(context: HttpContext): Credential | null
}

/**
 * The internal channel access changes travel on. Clients cannot subscribe
 * to it: it is no live channel (`isKnown`).
 */
export const ACCESS_CHANNEL = '$corps/access'

/**
 * Told whenever a member's stream opens here (or an anonymous one is
 * claimed by them) and whenever it closes: who is online (D4).
 */
export type StreamOwners = {
  arrived(userId: string): void
  left(userId: string): void
}

/**
 * A client that reads this much less than it is sent (a stalled tab, a dead
 * connection the kernel has not noticed yet) is disconnected: it reconnects
 * when it can, instead of growing the server's memory meanwhile.
 */
const MAX_BUFFERED_BYTES = 1024 * 1024

/**
 * A broadcast hands the same payload to every subscriber of a channel: it is
 * serialised and encoded once, and every connection writes the same bytes.
 */
const frames = new WeakMap<object, { channel: string; frame: Buffer }>()

function frameOf(channel: string, payload: unknown) {
  const serialise = () => Buffer.from(`data: ${JSON.stringify({ channel, payload })}\n\n`)
  if (payload === null || typeof payload !== 'object') return serialise()
  const cached = frames.get(payload)
  if (cached?.channel === channel) return cached.frame
  const frame = serialise()
  frames.set(payload, { channel, frame })
  return frame
}

const NO_STREAMS = new Set<LiveStream>()

/**
 * An SSE comment: it keeps the connection busy and clients ignore it.
 */
const PING = Buffer.from(':ping\n\n')

/**
 * Few and short: every open response keeps its header block in memory.
 * `no-transform` and `X-Accel-Buffering` keep proxies from compressing or
 * buffering the stream.
 */
const HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-store, no-transform',
  'X-Accel-Buffering': 'no',
}

/**
 * One open event stream: who owns it and what it listens to. It speaks
 * Transmit's wire format (`data: {"channel","payload"}`) and has the two
 * methods Transmit calls on its streams when broadcasting (`getUid`,
 * `writeMessage`), writing straight to the response.
 */
class LiveStream implements StreamHolder {
  readonly channels = new Set<string>()
  readonly credentials: Credential[] = []
  #holds = 0
  #held: { channel: string; frame: Buffer }[] = []
  #heldBytes = 0

  constructor(
    readonly uid: string,
    public ownerId: string | null,
    readonly pingSlot: number,
    private response: ServerResponse
  ) {}

  getUid() {
    return this.uid
  }

  writeMessage({ data }: { data: { channel: string; payload: unknown } }) {
    const frame = frameOf(data.channel, data.payload)
    if (this.#holds === 0) return this.write(frame)
    this.#heldBytes += frame.length
    if (this.#heldBytes > MAX_BUFFERED_BYTES) return this.response.destroy()
    this.#held.push({ channel: data.channel, frame })
  }

  addCredential(credential: Credential | null) {
    if (!credential) return
    const known = this.credentials.some(
      (held) => held.kind === credential.kind && held.id === credential.id
    )
    if (!known) this.credentials.push(credential)
  }

  /**
   * While access is being re-checked, messages wait instead of going out:
   * nothing reaches the stream on a channel it may have just lost.
   */
  hold() {
    this.#holds++
  }

  /**
   * Sends what waited, on the channels the stream still follows.
   */
  release() {
    if (--this.#holds > 0) return
    const held = this.#held
    this.#held = []
    this.#heldBytes = 0
    for (const { channel, frame } of held) {
      if (this.channels.has(channel)) this.write(frame)
    }
  }

  write(frame: Buffer) {
    if (this.response.writableEnded) return
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.response.destroy()
      return
    }
    this.response.write(frame)
  }

  end() {
    this.response.end()
  }
}

/**
 * The open event streams of this process: Transmit keeps authorising
 * channels and fanning broadcasts in and out (also through Redis), while
 * the streams themselves live here, indexed by channel, with their owners.
 * What shaped it (bench:sse; docs/performance.md):
 *
 * - Transmit 3 finds a channel's subscribers by scanning every open stream,
 *   so each broadcast costs O(all connections) even when one member
 *   listens; the index makes it O(subscribers).
 * - Transmit's stream is a Transform piped into the response, with a dozen
 *   listeners and two stream states per connection, and it serialises each
 *   message once per connection; writing one encoded frame straight to every
 *   response costs less memory per idle connection and less time per
 *   broadcast to everyone.
 * - Its ping writes to every stream at once, blocking the process while it
 *   does; here each second pings a slice.
 *
 * Transmit also trusts a stream id (`uid`) like a password: whoever opens a
 * stream with somebody's uid receives what that uid subscribes to. Here a
 * stream belongs to the member who opened it (session or Bearer) or, for a
 * stream opened anonymously (EventSource sends no Authorization header), to
 * the first member who subscribes on it; nobody else may subscribe on it or
 * reopen it.
 */
export class LiveStreams {
  static readonly MAX_CHANNELS_PER_STREAM = 50

  /**
   * Every stream gets a comment line this often, so proxies keep idle ones
   * open and dead clients are noticed.
   */
  static readonly PING_EVERY_MS = 25_000
  static readonly PING_TICK_MS = 1000
  static readonly PING_SLOTS = LiveStreams.PING_EVERY_MS / LiveStreams.PING_TICK_MS

  #byUid = new Map<string, LiveStream>()
  #byChannel = new Map<string, Set<LiveStream>>()
  #opens = 0
  #tick = 0

  #rules?: ChannelRules
  #owners?: StreamOwners

  /**
   * Counts access changes, so a subscribe that was being checked while one
   * arrived knows to check again.
   */
  #accessChanges = 0

  /**
   * Something Transmit delivers ACCESS_CHANNEL messages to, like a stream:
   * a broadcast there (from this process or, through Redis, another one)
   * starts a re-check here.
   */
  #accessListener = new Set([
    {
      getUid: () => ACCESS_CHANNEL,
      writeMessage: ({ data }: { data: { payload: unknown } }) =>
        this.accessChanged(data.payload as AccessChange),
    },
  ])

  /**
   * Takes over the manager's stream lookups and channel authorisation.
   * `rules.isKnown` names the channels that exist: subscribing to anything
   * else is refused, so a client cannot grow the index with made-up names.
   * `owners` hears of every member's streams coming and going.
   */
  install(manager: StreamManager, rules: ChannelRules, owners?: StreamOwners) {
    this.#rules = rules
    this.#owners = owners
    manager.subscribe = (params) => this.#subscribe(params, rules)
    manager.unsubscribe = async (params) => this.#unsubscribe(params)
    manager.findByChannel = (channel) => {
      if (channel === ACCESS_CHANNEL) return this.#accessListener as unknown as Set<TransmitStream>
      return (this.#byChannel.get(channel) ?? NO_STREAMS) as unknown as Set<TransmitStream>
    }
    setInterval(() => this.#ping(), LiveStreams.PING_TICK_MS).unref()
  }

  /**
   * Re-checks the streams an access change concerns with the rule applied
   * at subscribe time: a stream whose holder lost their session, token or
   * account is closed; channels now refused are dropped. The streams are
   * held at once (synchronously, before any later broadcast can reach
   * them) and released when their check is done. A check that fails closes
   * the stream: the client reconnects and subscribes again, checked anew.
   * Resolves when every check is done.
   */
  accessChanged(change: AccessChange) {
    const rules = this.#rules
    if (!rules) return Promise.resolve()
    const streams =
      'channel' in change
        ? [...(this.#byChannel.get(change.channel) ?? NO_STREAMS)]
        : [...this.#byUid.values()].filter((stream) => stream.ownerId === change.member)
    this.#accessChanges++
    const ended = 'ended' in change ? change.ended : []
    for (const stream of streams) stream.hold()
    return Promise.all(
      streams.map((stream) => {
        const channels = 'channel' in change ? [change.channel] : [...stream.channels]
        return this.#recheck(rules, stream, channels, ended)
      })
    )
  }

  /**
   * Re-checks one held stream, then releases it.
   */
  async #recheck(rules: ChannelRules, stream: LiveStream, channels: string[], ended: string[]) {
    try {
      const refused = await rules.recheck(stream, channels, ended)
      if (refused === null) return this.#close(stream)
      for (const channel of refused) this.#leave(stream, channel)
    } catch {
      this.#close(stream)
    } finally {
      stream.release()
    }
  }

  /**
   * Opens the event stream of `GET /__transmit/events?uid=` (the uid is
   * checked by TransmitAuthMiddleware). The headers are written at once, so
   * the framework leaves the response alone once the controller returns.
   *
   * Only the owner's id is kept, never the HttpContext, which an open
   * stream would otherwise pin (session, renderer, container… about 25 KB)
   * for as long as it lives. @adonisjs/static links every raw response to
   * the framework's (`res.parent`): that link is cut as well, by assignment
   * (deleting it would turn the response into a larger dictionary object).
   */
  open(ctx: HttpContext) {
    const uid: string = ctx.request.input('uid')
    const ownerId = ctx.auth.user?.id ?? null
    if (!this.#mayOpen(uid, ownerId)) {
      return ctx.response.conflict({ message: 'This stream id is in use by someone else' })
    }
    const response = ctx.response.response
    const socket = ctx.request.request.socket
    socket.setKeepAlive(true)
    socket.setNoDelay(true)
    socket.setTimeout(0)
    Object.assign(response, { parent: undefined })
    response.writeHead(200, HEADERS)
    response.write(':ok\n\n')

    const stream = new LiveStream(uid, ownerId, this.#opens++ % LiveStreams.PING_SLOTS, response)
    if (ownerId) stream.addCredential(this.#rules?.credentialOf(ctx) ?? null)
    this.#replace(uid)
    this.#byUid.set(uid, stream)
    if (ownerId) this.#owners?.arrived(ownerId)
    response.once('close', () => this.#closed(stream))
  }

  /**
   * Writes to one stream only, if it still follows `channel`: what a new
   * subscriber must know at once (a team's online list), which the others
   * already have.
   */
  sendTo(uid: string, channel: string, payload: unknown) {
    const stream = this.#byUid.get(uid)
    if (stream?.channels.has(channel)) stream.writeMessage({ data: { channel, payload } })
  }

  /**
   * Whether `userId` (null: anonymous) may open a stream with this uid: a
   * new one, one nobody claimed yet, or their own (a reconnection).
   */
  #mayOpen(uid: string, userId: string | null) {
    const stream = this.#byUid.get(uid)
    return !stream || stream.ownerId === null || stream.ownerId === userId
  }

  #replace(uid: string) {
    const previous = this.#byUid.get(uid)
    if (!previous) return
    this.#forget(previous)
    previous.end()
  }

  #closed(stream: LiveStream) {
    if (this.#byUid.get(stream.uid) === stream) this.#forget(stream)
  }

  #close(stream: LiveStream) {
    this.#closed(stream)
    stream.channels.clear()
    stream.end()
  }

  #forget(stream: LiveStream) {
    for (const channel of stream.channels) this.#removeFromChannel(channel, stream)
    this.#byUid.delete(stream.uid)
    if (stream.ownerId) this.#owners?.left(stream.ownerId)
  }

  /**
   * One slot of streams per tick: the same writes as pinging them all every
   * PING_EVERY_MS, spread over the interval (config/transmit.ts turns
   * Transmit's own ping off).
   */
  #ping() {
    const slot = this.#tick++ % LiveStreams.PING_SLOTS
    for (const stream of this.#byUid.values()) {
      if (stream.pingSlot === slot) stream.write(PING)
    }
  }

  async #subscribe(
    { uid, channel, context, skipAuthorization, onSubscribe }: SubscribeParams,
    rules: ChannelRules
  ) {
    const stream = this.#byUid.get(uid)
    if (!stream || !rules.isKnown(channel)) return false

    const userId = ownerOf(context)
    if (stream.ownerId !== null && stream.ownerId !== userId) return false
    if (
      !stream.channels.has(channel) &&
      stream.channels.size >= LiveStreams.MAX_CHANNELS_PER_STREAM
    ) {
      return false
    }
    const changesBefore = this.#accessChanges
    if (!skipAuthorization && !(await rules.mayFollow(context?.auth?.user ?? null, channel))) {
      return false
    }
    if (this.#byUid.get(uid) !== stream) return false

    if (stream.ownerId === null && userId) {
      stream.ownerId = userId
      this.#owners?.arrived(userId)
    }
    if (userId) stream.addCredential(rules.credentialOf(context as HttpContext))
    stream.channels.add(channel)
    let streams = this.#byChannel.get(channel)
    if (!streams) this.#byChannel.set(channel, (streams = new Set()))
    streams.add(stream)
    if (this.#accessChanges !== changesBefore) {
      // Access changed while this subscribe was being checked: the answer
      // may be stale, so the new subscription is checked again before
      // anything reaches it.
      stream.hold()
      await this.#recheck(rules, stream, [channel], [])
      if (!stream.channels.has(channel)) return false
    }
    onSubscribe?.({ uid, channel, context: context as HttpContext })
    return true
  }

  #unsubscribe({ uid, channel, context, onUnsubscribe }: UnsubscribeParams) {
    const stream = this.#byUid.get(uid)
    if (!stream || (stream.ownerId !== null && stream.ownerId !== ownerOf(context))) return false
    this.#leave(stream, channel)
    onUnsubscribe?.({ uid, channel, context: context as HttpContext })
    return true
  }

  #leave(stream: LiveStream, channel: string) {
    if (stream.channels.delete(channel)) this.#removeFromChannel(channel, stream)
  }

  #removeFromChannel(channel: string, stream: LiveStream) {
    const streams = this.#byChannel.get(channel)
    if (!streams) return
    streams.delete(stream)
    if (streams.size === 0) this.#byChannel.delete(channel)
  }
}

function ownerOf(context: HttpContext | undefined): string | null {
  return context?.auth?.user?.id ?? null
}

export default new LiveStreams()
