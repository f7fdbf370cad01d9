import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { defineConfig } from '@adonisjs/core/http'
import { serializeJSON } from '#config/app'

const framework = defineConfig({}).serializeJSON

test.group('Response JSON (serializeJSON)', () => {
  test('writes what the framework’s serializer writes', ({ assert }) => {
    const body = {
      success: true,
      data: [{ id: 'a', amount: '1.50', at: DateTime.fromISO('2026-01-02T03:04:05Z').toUTC() }],
      skipped: undefined,
      text: 'quotes " and \\ and \u2028 and é',
      nested: { list: [1, null, undefined, 'x'], at: new Date('2026-01-02T03:04:05Z') },
    }
    assert.equal(serializeJSON(body), framework(body))
    assert.deepEqual(JSON.parse(serializeJSON(body)!), JSON.parse(framework(body)!))
  })

  test('hands what JSON.stringify refuses to the framework’s serializer', ({ assert }) => {
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic.self = cyclic
    assert.equal(serializeJSON(cyclic), framework(cyclic))
    assert.equal(serializeJSON({ big: 12n }), '{"big":"12"}')
  })
})
