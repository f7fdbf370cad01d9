import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'
import { onBadUrl } from '#exceptions/malformed_request'

/**
 * The app key encrypts cookies and signs URLs (email verification links).
 */
export const appKey = env.get('APP_KEY')

export const appUrl = env.get('APP_URL')

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: true,
  onBadUrl,
  /**
   * X-Forwarded-For is believed only from the proxies named in TRUSTED_PROXIES
   * (proxy-addr syntax; loopback by default), so clients cannot pick the IP
   * that rate limits count.
   */
  trustProxy: proxyAddr.compile(env.get('TRUSTED_PROXIES', 'loopback').split(',')),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
