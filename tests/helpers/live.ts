/*
|--------------------------------------------------------------------------
| Live events over real HTTP
|--------------------------------------------------------------------------
|
| A Transmit client for tests, speaking to the running test server the way
| a browser or an API client does: the event stream is a real streaming
| GET read as it arrives, subscriptions are real POSTs. Members sign in with
| a real session cookie (and the XSRF cookie shield gives it) or a real
| Bearer token.
*/
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { CookieClient } from '@adonisjs/core/http'
import encryption from '@adonisjs/core/services/encryption'
import type { ResolvedSessionConfig } from '@adonisjs/session/types'
import env from '#start/env'
import User from '#models/user'
import { StoreSessionClient } from '#tests/helpers/session_client'

export type LiveMessage = { channel: string; payload: any }

export function serverUrl(port = env.get('PORT')) {
  return `http://${env.get('HOST')}:${port}`
}

/**
 * What one client sends with every request: its cookies (session, XSRF) or
 * its Authorization header.
 */
export class Credentials {
  #cookies = new Map<string, string>()
  #authorization?: string

  static anonymous() {
    return new Credentials()
  }

  /**
   * A browser without an account, after one page view: it has the XSRF
   * cookie every page hands out.
   */
  static async visitor(baseUrl = serverUrl()) {
    const credentials = new Credentials()
    await credentials.fetch(`${baseUrl}/`, { redirect: 'manual' })
    return credentials
  }

  static bearer(token: string) {
    const credentials = new Credentials()
    credentials.#authorization = `Bearer ${token}`
    return credentials
  }

  static async bearerFor(user: User) {
    const token = await User.accessTokens.create(user)
    return Credentials.bearer(token.value!.release())
  }

  /**
   * A signed-in browser: a session in the app's own store, its signed id in
   * the cookie, then one page view for the XSRF cookie shield hands out.
   * The row is written before that page view, or the page would read no
   * session and its commit would replace the member's with a guest's.
   */
  static async sessionFor(user: User, baseUrl = serverUrl()) {
    const config = (await configProvider.resolve<ResolvedSessionConfig>(
      app,
      app.config.get('session')
    ))!
    const store = config.stores[config.store](undefined as never, config)
    const session = new StoreSessionClient(store).merge({ auth_web: user.id })
    await session.commit()

    const credentials = new Credentials()
    const signed = new CookieClient(encryption.use()).sign(config.cookieName, session.sessionId)!
    credentials.#cookies.set(config.cookieName, encodeURIComponent(signed))
    await credentials.fetch(`${baseUrl}/`, { redirect: 'manual' })
    return credentials
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const headers: Record<string, string> = { ...extra }
    if (this.#authorization) headers.authorization = this.#authorization
    if (this.#cookies.size) {
      headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    }
    const xsrf = this.#cookies.get('XSRF-TOKEN')
    if (xsrf) headers['x-xsrf-token'] = decodeURIComponent(xsrf)
    return headers
  }

  async fetch(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
    const response = await fetch(url, { ...init, headers: this.headers(init.headers) })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const separator = pair.indexOf('=')
      const name = pair.slice(0, separator).trim()
      const value = pair.slice(separator + 1).trim()
      if (value === '' || /max-age=0/i.test(line)) this.#cookies.delete(name)
      else this.#cookies.set(name, value)
    }
    return response
  }
}

/**
 * One open event stream (`GET /__transmit/events`) and what arrived on it.
 */
export class EventStream {
  readonly uid: string
  status = 0
  /**
   * Whether the server ended the stream (close() does not count).
   */
  endedByServer = false
  #messages: LiveMessage[] = []
  #arrived = new Set<() => void>()
  #abort = new AbortController()

  private constructor(
    private credentials: Credentials,
    readonly baseUrl: string,
    uid?: string
  ) {
    this.uid = uid ?? randomUUID()
  }

  static async open(
    credentials = Credentials.anonymous(),
    options: { baseUrl?: string; uid?: string } = {}
  ) {
    const stream = new EventStream(credentials, options.baseUrl ?? serverUrl(), options.uid)
    await stream.#connect()
    return stream
  }

  /**
   * POST /__transmit/subscribe with these (or the stream's) credentials;
   * resolves with the status (204 accepted, 400 refused).
   */
  async subscribe(channel: string, as = this.credentials) {
    const response = await as.fetch(`${this.baseUrl}/__transmit/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept': 'application/json' },
      body: JSON.stringify({ uid: this.uid, channel }),
      redirect: 'manual',
    })
    await response.text()
    return response.status
  }

  /**
   * The next payload on `channel` (optionally one that `matches`), waiting up
   * to `timeout` ms for it.
   */
  async next(channel: string, matches: (payload: any) => boolean = () => true, timeout = 3000) {
    const deadline = Date.now() + timeout
    for (;;) {
      const index = this.#messages.findIndex(
        (message) => message.channel === channel && matches(message.payload)
      )
      if (index >= 0) return this.#messages.splice(index, 1)[0].payload
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`Nothing arrived on "${channel}" within ${timeout} ms`)
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          this.#arrived.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, left)
        this.#arrived.add(wake)
      })
    }
  }

  /**
   * Everything that arrived on `channel` within `wait` ms (to prove that
   * nothing did).
   */
  async received(channel: string, wait = 300) {
    await new Promise((resolve) => setTimeout(resolve, wait))
    return this.#messages.filter((message) => message.channel === channel).map((m) => m.payload)
  }

  close() {
    this.#abort.abort()
  }

  /**
   * Waits up to `timeout` ms for the server to end the stream; resolves
   * with whether it did.
   */
  async ended(timeout = 3000) {
    const deadline = Date.now() + timeout
    while (!this.endedByServer && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    return this.endedByServer
  }

  async #connect() {
    const response = await this.credentials.fetch(
      `${this.baseUrl}/__transmit/events?uid=${this.uid}`,
      { headers: { accept: 'text/event-stream' }, signal: this.#abort.signal, redirect: 'manual' }
    )
    this.status = response.status
    if (response.status !== 200 || !response.body) {
      await response.text()
      return
    }
    void this.#read(response.body)
  }

  async #read(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          this.#frame(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
        }
      }
      this.endedByServer = true
    } catch {
      // Aborted by close(), or the server went away: the stream is over.
    }
  }

  #frame(frame: string) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n')
    if (!data) return
    const message = JSON.parse(data) as LiveMessage
    if (message.channel === '$$transmit/ping') return
    this.#messages.push(message)
    for (const wake of [...this.#arrived]) wake()
  }
}
