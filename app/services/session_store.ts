import { configProvider } from '@adonisjs/core'
import string from '@adonisjs/core/helpers/string'
import { stores } from '@adonisjs/session'
import type {
  SessionData,
  SessionStoreFactory,
  SessionStoreWithTaggingContract,
} from '@adonisjs/session/types'

/**
 * How long a session's expiry may go without being pushed forward. The
 * database store would otherwise run an UPDATE on every request that did not
 * change the session (every page a visitor opens): one write in ten queries
 * on the board. A session then ends between `age − TOUCH_EVERY_MS` and
 * `age` after the last request, instead of exactly `age`.
 */
export const TOUCH_EVERY_MS = 5 * 60_000

/**
 * The store's clock (tests move it instead of the process-wide Date.now,
 * which the connection pool's timers read too).
 */
export const touchClock = { now: () => Date.now() }

/**
 * Sessions this process wrote or touched lately (id → when), oldest first;
 * bounded so that a flood of one-off visitors cannot grow it for ever.
 */
const touched = new Map<string, number>()
const REMEMBERED = 50_000

function remember(sessionId: string, at: number) {
  touched.delete(sessionId)
  touched.set(sessionId, at)
  if (touched.size > REMEMBERED) touched.delete(touched.keys().next().value!)
}

/**
 * The database store with a lazier `touch`: everything else goes straight
 * to @adonisjs/session's own DatabaseStore.
 */
class LazyTouchStore implements SessionStoreWithTaggingContract {
  constructor(
    private inner: SessionStoreWithTaggingContract,
    private ttlMs: number
  ) {}

  read(sessionId: string) {
    return this.inner.read(sessionId)
  }

  async write(sessionId: string, data: SessionData) {
    await this.inner.write(sessionId, data)
    remember(sessionId, touchClock.now())
  }

  async destroy(sessionId: string) {
    touched.delete(sessionId)
    await this.inner.destroy(sessionId)
  }

  async touch(sessionId: string) {
    const last = touched.get(sessionId)
    const now = touchClock.now()
    if (last !== undefined && now - last < Math.min(TOUCH_EVERY_MS, this.ttlMs / 2)) return
    await this.inner.touch(sessionId)
    remember(sessionId, now)
  }

  tag(sessionId: string, userId: string | number) {
    return this.inner.tag(sessionId, userId)
  }

  untag(sessionId: string, userId: string | number) {
    return this.inner.untag(sessionId, userId)
  }

  tagged(userId: string | number) {
    return this.inner.tagged(userId)
  }
}

/**
 * `stores.database(…)` whose stores touch a session at most once every
 * TOUCH_EVERY_MS per process.
 */
export function lazyTouchDatabaseStore(config: Parameters<typeof stores.database>[0]) {
  const database = stores.database(config)
  return configProvider.create<SessionStoreFactory>(async (app) => {
    const factory = (await database.resolver(app)) as SessionStoreFactory
    return (ctx, sessionConfig) =>
      new LazyTouchStore(
        factory(ctx, sessionConfig) as SessionStoreWithTaggingContract,
        string.seconds.parse(sessionConfig.age) * 1000
      )
  })
}
