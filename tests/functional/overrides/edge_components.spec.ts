import { test } from '@japa/runner'
import { Edge } from 'edge.js'
import app from '@adonisjs/core/services/app'
import { listComponentsOnce } from '#overrides/edge_components'
import { overrides } from '#overrides/index'
import { assertPinned } from '#tests/helpers/overrides'

/**
 * An Edge instance set up as AdonisJS sets up the app's: created without
 * options, then configured to cache, with the app's views mounted; and how
 * many times rendering listed the components folder.
 */
function productionLikeEdge() {
  const edge = new Edge()
  edge.configure({ cache: true })
  edge.mount(app.viewsPath())
  let listings = 0
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  edge.loader.listComponents = () => {
    listings++
    return listComponents()
  }
  return { edge, listings: () => listings }
}

/**
 * app/overrides/edge_components.ts replaces the `listComponents` of the
 * app's Edge loader in production.
 */
test.group('Override contract: Edge components listing (edge.js)', () => {
  test('edge.js is installed and pinned at the version the override targets', async ({
    assert,
  }) => {
    await assertPinned(assert, overrides.edgeComponents)
  })

  test('Edge still re-lists the components folder on every renderer after configure({ cache: true }) (when this fails, upstream fixed it: drop the override)', ({
    assert,
  }) => {
    const { edge, listings } = productionLikeEdge()
    edge.createRenderer()
    edge.createRenderer()
    edge.createRenderer()
    assert.isAbove(listings(), 1)
  })

  test('in effect: the folder is listed once, and components still render', async ({ assert }) => {
    const { edge, listings } = productionLikeEdge()
    listComponentsOnce(edge)
    edge.createRenderer()
    edge.createRenderer()
    edge.createRenderer()
    assert.equal(listings(), 1)

    edge.global('priorityLabel', (priority: string) => priority.toLowerCase())
    const html = await edge.createRenderer().renderRaw(`@!bounty.priority({ priority: 'HIGH' })`)
    assert.include(html, 'priority--high')
  })
})
