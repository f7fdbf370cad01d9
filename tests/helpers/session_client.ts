import { randomUUID } from 'node:crypto'
import { configProvider } from '@adonisjs/core'
import { ApiRequest, type ApiResponse } from '@japa/api-client'
import type { PluginFn } from '@japa/runner/types'
import type { HttpContext } from '@adonisjs/core/http'
import type { ApplicationService } from '@adonisjs/core/types'
import type {
  ResolvedSessionConfig,
  SessionData,
  SessionStoreContract,
} from '@adonisjs/session/types'

/**
 * Japa's session client keeps its data in a memory store, but Corps keeps
 * sessions in PostgreSQL (SESSION_DRIVER=database), so `withSession`,
 * `loginAs` and `withCsrfToken` never reached the server. This client uses
 * the configured store instead and keeps the rows (each test's global
 * transaction rolls them back), so a test can carry a session over to its
 * next request with `request.inSessionOf(response)`.
 *
 * Its commit waits for the store's write: @adonisjs/session's own
 * SessionClient does not, so a request sent right after could read the
 * session before the row exists and then write its own over it.
 */
export class StoreSessionClient {
  flashKey = '__flash__'
  sessionId: string = randomUUID()
  #values: SessionData = {}
  #flashMessages: SessionData = {}

  constructor(private store: SessionStoreContract) {}

  merge(values: SessionData) {
    Object.assign(this.#values, values)
    return this
  }

  flash(values: SessionData) {
    Object.assign(this.#flashMessages, values)
    return this
  }

  async commit() {
    const values = { ...((await this.store.read(this.sessionId)) ?? {}), ...this.#values }
    if (Object.keys(this.#flashMessages).length) values[this.flashKey] = this.#flashMessages
    if (Object.keys(values).length) await this.store.write(this.sessionId, values)
  }

  async destroy() {}

  async load(sessionId?: string) {
    const values = { ...((await this.store.read(sessionId ?? this.sessionId)) ?? {}) }
    const flashMessages = values[this.flashKey] ?? {}
    delete values[this.flashKey]
    return { values, flashMessages }
  }
}

export function storeSessionClient(app: ApplicationService): PluginFn {
  return async function () {
    const config = (await configProvider.resolve<ResolvedSessionConfig>(
      app,
      app.config.get('session')
    ))!
    const makeStore = config.stores[config.store]
    ApiRequest.getter(
      'sessionClient',
      function () {
        const store = makeStore({} as HttpContext, config)
        return new StoreSessionClient(store) as unknown as ApiRequest['sessionClient']
      },
      true
    )
    ApiRequest.macro('inSessionOf', function (this: ApiRequest, response: ApiResponse) {
      const cookie = response.cookie(config.cookieName)
      if (cookie?.value) this.sessionClient.sessionId = cookie.value
      return this
    })
  }
}

declare module '@japa/api-client' {
  interface ApiRequest {
    inSessionOf(response: ApiResponse): this
  }
}
