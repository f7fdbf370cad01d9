import type { Edge } from 'edge.js'

/**
 * Makes Edge list the components folder once per process when templates are
 * cached (production), as Edge means to.
 *
 * Edge decides whether its "supercharged components" plugin runs again on
 * every render when the instance is created, from the `cache` option it had
 * then; AdonisJS creates the instance without options and calls
 * `configure({ cache: true })` later, which does not change that decision.
 * So every `ctx.view` (every request: the auth middleware shares the
 * authenticator with templates, API calls included) walked
 * resources/views/components on disk (docs/upstream.md). Templates do not
 * change while a production process runs, so the list is kept.
 */
export function listComponentsOnce(edge: Edge) {
  const loader = edge.loader
  const listComponents = loader.listComponents.bind(loader)
  let listed: ReturnType<typeof listComponents> | undefined
  loader.listComponents = () => (listed ??= listComponents())
}
