import { defineConfig } from '@adonisjs/static'

export default defineConfig({
  enabled: true,
  etag: true,
  lastModified: true,
  dotFiles: 'ignore',
  /**
   * Files are served before the router, so shield's nosniff never reaches
   * them: a browser must not guess a script or page out of a served file.
   */
  headers: () => ({ 'X-Content-Type-Options': 'nosniff' }),
})
