import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright'
import type { Assert } from '@japa/assert'

let source: Promise<string> | undefined

/**
 * Runs axe-core in the page and fails on serious or critical violations.
 * `page.evaluate` is not subject to the page's CSP, so the strict policy
 * stays on while the audit runs.
 */
export async function assertAccessible(page: Page, assert: Assert) {
  source ??= readFile(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf-8')
  await page.evaluate(await source)
  const violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] =
    await page.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations)`
    )
  const blocking = violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} → ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    )
  assert.deepEqual(blocking, [], `Accessibility problems on ${page.url()}`)
}
