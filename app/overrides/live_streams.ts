import type { ServerResponse } from 'node:http'
import type { HttpContext } from '@adonisjs/core/http'
import type transmit from '@adonisjs/transmit/services/main'

type StreamManager = ReturnType<(typeof transmit)['getManager']>
type TransmitStream = ReturnType<StreamManager['createStream']>
type SubscribeParams = Parameters<StreamManager['subscribe']>[0]
type UnsubscribeParams = Parameters<StreamManager['unsubscribe']>[0]

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
class LiveStream {
  readonly channels = new Set<string>()

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
    this.write(frameOf(data.channel, data.payload))
  }

  write(frame: Buffer) {
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

  /**
   * Takes over the manager's stream lookups. `isKnown` names the channels
   * that exist: subscribing to anything else is refused, so a client cannot
   * grow the index with made-up names.
   */
  install(manager: StreamManager, isKnown: (channel: string) => boolean) {
    manager.subscribe = (params) => this.#subscribe(manager, params, isKnown)
    manager.unsubscribe = async (params) => this.#unsubscribe(params)
    manager.findByChannel = (channel) =>
      (this.#byChannel.get(channel) ?? NO_STREAMS) as unknown as Set<TransmitStream>
    setInterval(() => this.#ping(), LiveStreams.PING_TICK_MS).unref()
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
    this.#replace(uid)
    this.#byUid.set(uid, stream)
    response.once('close', () => this.#closed(stream))
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

  #forget(stream: LiveStream) {
    for (const channel of stream.channels) this.#removeFromChannel(channel, stream)
    this.#byUid.delete(stream.uid)
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
    manager: StreamManager,
    { uid, channel, context, skipAuthorization, onSubscribe }: SubscribeParams,
    isKnown: (channel: string) => boolean
  ) {
    const stream = this.#byUid.get(uid)
    if (!stream || !isKnown(channel)) return false

    const userId = ownerOf(context)
    if (stream.ownerId !== null && stream.ownerId !== userId) return false
    if (
      !stream.channels.has(channel) &&
      stream.channels.size >= LiveStreams.MAX_CHANNELS_PER_STREAM
    ) {
      return false
    }
    if (!skipAuthorization && !(await manager.verifyAccess(channel, context as HttpContext))) {
      return false
    }
    if (this.#byUid.get(uid) !== stream) return false

    stream.ownerId = stream.ownerId ?? userId
    stream.channels.add(channel)
    let streams = this.#byChannel.get(channel)
    if (!streams) this.#byChannel.set(channel, (streams = new Set()))
    streams.add(stream)
    onSubscribe?.({ uid, channel, context: context as HttpContext })
    return true
  }

  #unsubscribe({ uid, channel, context, onUnsubscribe }: UnsubscribeParams) {
    const stream = this.#byUid.get(uid)
    if (!stream || (stream.ownerId !== null && stream.ownerId !== ownerOf(context))) return false
    if (stream.channels.delete(channel)) this.#removeFromChannel(channel, stream)
    onUnsubscribe?.({ uid, channel, context: context as HttpContext })
    return true
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
