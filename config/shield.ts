import { defineConfig } from '@adonisjs/shield'

const shieldConfig = defineConfig({
  /**
   * No inline scripts or styles anywhere: pages load /js and /css files only.
   */
  csp: {
    enabled: true,
    directives: {
      defaultSrc: [`'self'`],
      scriptSrc: [`'self'`],
      styleSrc: [`'self'`],
      imgSrc: [`'self'`, 'data:'],
      fontSrc: [`'self'`],
      connectSrc: [`'self'`],
      objectSrc: [`'none'`],
      frameAncestors: [`'none'`],
      baseUri: [`'self'`],
      formAction: [`'self'`],
    },
    reportOnly: false,
  },

  /**
   * The JSON API authenticates with Bearer tokens only, so CSRF does not
   * apply under /api/. Transmit's subscribe calls are exempt only when they
   * carry a Bearer token (they are then never authenticated by the cookie).
   */
  csrf: {
    enabled: true,
    exceptRoutes: (ctx) =>
      ctx.request.url().startsWith('/api/') ||
      (ctx.request.url().startsWith('/__transmit/') &&
        (ctx.request.header('authorization') ?? '').startsWith('Bearer ')),
    enableXsrfCookie: true,
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  },

  xFrame: {
    enabled: true,
    action: 'DENY',
  },

  hsts: {
    enabled: true,
    maxAge: '180 days',
  },

  contentTypeSniffing: {
    enabled: true,
  },
})

export default shieldConfig

/**
 * Page headers shield has no guard for (set by page_headers_middleware, in the `web` stack).
 * Referrers stay on this site: some addresses carry a secret (password
 * reset links), and no other site needs to know which page linked to it.
 * Features the app never uses are refused to every frame and script.
 */
export const pagePolicies = {
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
}
