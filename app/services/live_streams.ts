import type { HttpContext } from '@adonisjs/core/http'
import type transmit from '@adonisjs/transmit/services/main'

type StreamManager = ReturnType<(typeof transmit)['getManager']>
type Stream = ReturnType<StreamManager['createStream']>
type SubscribeParams = Parameters<StreamManager['subscribe']>[0]
type UnsubscribeParams = Parameters<StreamManager['unsubscribe']>[0]

type Entry = { stream: Stream; ownerId: string | null; channels: Set<string> }

const NO_STREAMS: ReadonlySet<Stream> = new Set()

/**
 * The open event streams of this process, indexed by channel, and who owns
 * each of them.
 *
 * Transmit 3 finds a channel's subscribers by scanning every open stream,
 * so with N connections each broadcast costs O(N) even when one member
 * listens; the index makes it O(subscribers) (bench:sse has the figures).
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

  #byUid = new Map<string, Entry>()
  #byChannel = new Map<string, Set<Stream>>()

  #manager?: StreamManager

  /**
   * Replaces the manager's storage lookups with this index. `isKnown` names
   * the channels that exist: subscribing to anything else is refused, so a
   * client cannot grow the index with made-up names.
   */
  install(manager: StreamManager, isKnown: (channel: string) => boolean) {
    this.#manager = manager
    manager.subscribe = (params) => this.#subscribe(manager, params, isKnown)
    manager.unsubscribe = async (params) => this.#unsubscribe(params)
    manager.findByChannel = (channel) => (this.#byChannel.get(channel) ?? NO_STREAMS) as Set<Stream>
  }

  /**
   * Opens the event stream of `GET /__transmit/events?uid=` (the uid is
   * checked by TransmitAuthMiddleware). Only the owner's id is kept, never
   * the HttpContext: an open stream would otherwise pin its whole request
   * (session, renderer, container… about 25 KB) for as long as it lives.
   * The stream writes its own headers, so the framework leaves the response
   * to it once the controller returns. @adonisjs/static links every raw
   * response to the framework's (`res.parent`, for its own headers): that
   * link is cut too (assigned, not deleted, which would turn the response
   * into a slower, larger dictionary object), or it alone would keep the
   * context. None of the
   * page headers (CSP and the like) are copied onto the stream: they mean
   * nothing there and every open stream would keep its own copy.
   */
  open(ctx: HttpContext) {
    const uid: string = ctx.request.input('uid')
    const ownerId = ctx.auth.user?.id ?? null
    if (!this.mayOpen(uid, ownerId)) {
      return ctx.response.conflict({ message: 'This stream id is in use by someone else' })
    }
    const response = ctx.response.response
    const stream = this.#manager!.createStream({
      uid,
      request: ctx.request.request,
      response,
      context: undefined as unknown as HttpContext,
    })
    this.#opened(uid, stream, ownerId)
    response.once('close', () => this.#closed(uid, stream))
    Object.assign(response, { parent: undefined })
  }

  /**
   * Whether `userId` (null: anonymous) may open a stream with this uid: a
   * new one, one nobody claimed yet, or their own (a reconnection).
   */
  mayOpen(uid: string, userId: string | null) {
    const entry = this.#byUid.get(uid)
    return !entry || entry.ownerId === null || entry.ownerId === userId
  }

  get size() {
    return this.#byUid.size
  }

  #opened(uid: string, stream: Stream, ownerId: string | null) {
    const previous = this.#byUid.get(uid)
    if (previous) {
      this.#forget(uid, previous)
      previous.stream.end()
    }
    this.#byUid.set(uid, { stream, ownerId, channels: new Set() })
  }

  #closed(uid: string, stream: Stream) {
    const entry = this.#byUid.get(uid)
    if (entry?.stream === stream) this.#forget(uid, entry)
  }

  #forget(uid: string, entry: Entry) {
    for (const channel of entry.channels) this.#removeFromChannel(channel, entry.stream)
    this.#byUid.delete(uid)
  }

  async #subscribe(
    manager: StreamManager,
    { uid, channel, context, skipAuthorization, onSubscribe }: SubscribeParams,
    isKnown: (channel: string) => boolean
  ) {
    const entry = this.#byUid.get(uid)
    if (!entry || !isKnown(channel)) return false

    const userId = ownerOf(context)
    if (entry.ownerId !== null && entry.ownerId !== userId) return false
    if (
      !entry.channels.has(channel) &&
      entry.channels.size >= LiveStreams.MAX_CHANNELS_PER_STREAM
    ) {
      return false
    }
    if (!skipAuthorization && !(await manager.verifyAccess(channel, context as HttpContext))) {
      return false
    }
    if (this.#byUid.get(uid) !== entry) return false

    entry.ownerId = entry.ownerId ?? userId
    entry.channels.add(channel)
    let streams = this.#byChannel.get(channel)
    if (!streams) this.#byChannel.set(channel, (streams = new Set()))
    streams.add(entry.stream)
    onSubscribe?.({ uid, channel, context: context as HttpContext })
    return true
  }

  #unsubscribe({ uid, channel, context, onUnsubscribe }: UnsubscribeParams) {
    const entry = this.#byUid.get(uid)
    if (!entry || (entry.ownerId !== null && entry.ownerId !== ownerOf(context))) return false
    if (entry.channels.delete(channel)) this.#removeFromChannel(channel, entry.stream)
    onUnsubscribe?.({ uid, channel, context: context as HttpContext })
    return true
  }

  #removeFromChannel(channel: string, stream: Stream) {
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
