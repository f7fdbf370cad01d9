import { test } from '@japa/runner'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Edge } from 'edge.js'
import { cacheTemplateLookups } from '#services/template_lookups'

/**
 * A real Edge instance configured as the provider does in production
 * (created, then cache turned on), over a folder of real templates.
 */
function productionEdge() {
  const root = mkdtempSync(join(tmpdir(), 'corps-views-'))
  mkdirSync(join(root, 'components'))
  writeFileSync(join(root, 'components/badge.edge'), '<b>{{ label }}</b>')
  writeFileSync(
    join(root, 'page.edge'),
    [
      '@each(item in items)',
      '  @!badge({ label: item })',
      '@end',
      "@!component('components/badge', { label: 'x' })",
    ].join('\n')
  )
  const edge = Edge.create()
  edge.configure({ cache: true })
  edge.mount(root)
  return { edge, root }
}

test.group('Template lookups in production', () => {
  test('pages render the same, with each name resolved and the components listed once', async ({
    assert,
    cleanup,
  }) => {
    const { edge, root } = productionEdge()
    cleanup(() => rmSync(root, { recursive: true, force: true }))
    const before = await edge.render('page', { items: ['a', 'b'] })

    // Count what reaches Edge's own lookups once the cache sits in front.
    const listings: unknown[] = []
    const resolved: string[] = []
    const list = edge.loader.listComponents.bind(edge.loader)
    edge.loader.listComponents = () => {
      const result = list()
      listings.push(result)
      return result
    }
    const make = edge.loader.makePath.bind(edge.loader)
    edge.loader.makePath = (name: string) => {
      resolved.push(name)
      return make(name)
    }
    cacheTemplateLookups(edge)

    for (let render = 0; render < 3; render++) {
      assert.equal(await edge.render('page', { items: ['a', 'b'] }), before)
    }
    assert.lengthOf(listings, 1)
    assert.deepEqual(resolved, [...new Set(resolved)])
  })

  test('without it, Edge walks the components folder on every render', async ({
    assert,
    cleanup,
  }) => {
    const { edge, root } = productionEdge()
    cleanup(() => rmSync(root, { recursive: true, force: true }))
    const listings: unknown[] = []
    const list = edge.loader.listComponents.bind(edge.loader)
    edge.loader.listComponents = () => {
      const result = list()
      listings.push(result)
      return result
    }
    for (let render = 0; render < 3; render++) await edge.render('page', { items: ['a'] })
    assert.equal(new Set(listings).size, 3)
  })
})
