import type { Edge } from 'edge.js'

/**
 * Makes an Edge instance work out once per name what Edge 6 re-derives on
 * every render, for templates that do not change while the process runs
 * (production):
 *
 * - whether to re-list the components folder is decided when the instance
 *   is created (no cache then); the provider's later `configure({ cache:
 *   true })` does not change it, so each page walked
 *   resources/views/components on disk (readdirSync + stat per file);
 * - every component call resolves its name to a file path again (disk
 *   lookup and path.join; the board renders five components per card)
 *   before looking the compiled template up.
 *
 * Template names come from the templates themselves, never from requests,
 * so the map stays small.
 */
export function cacheTemplateLookups(edge: Edge) {
  const loader = edge.loader
  const listComponents = loader.listComponents.bind(loader)
  let listed: ReturnType<typeof listComponents> | undefined
  loader.listComponents = () => (listed ??= listComponents())

  const makePath = loader.makePath.bind(loader)
  const paths = new Map<string, string>()
  loader.makePath = (templatePath: string) => {
    let path = paths.get(templatePath)
    if (path === undefined) {
      path = makePath(templatePath)
      paths.set(templatePath, path)
    }
    return path
  }
}
