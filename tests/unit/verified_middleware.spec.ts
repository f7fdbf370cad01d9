import { test } from '@japa/runner'
import User from '#models/user'
import VerifiedMiddleware from '#middleware/verified_middleware'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * Just enough of an HttpContext for the middleware's branches.
 */
function contextFor(user: User | undefined, url: string) {
  const flashed: Record<string, string> = {}
  const ctx = {
    auth: { user },
    request: { url: () => url },
    session: { flash: (key: string, value: string) => (flashed[key] = value) },
    response: { redirect: () => ({ back: () => 'went back' }) },
  } as unknown as HttpContext
  return { ctx, flashed }
}

function member(verified: boolean) {
  const user = new User()
  user.emailVerifiedAt = verified ? (new Date() as any) : null
  return user
}

test.group('verified middleware', () => {
  test('lets a verified member through', async ({ assert }) => {
    const { ctx } = contextFor(member(true), '/bounties')
    assert.equal(await new VerifiedMiddleware().handle(ctx, async () => 'next'), 'next')
  })

  test('sends an unverified member back with a message on pages', async ({ assert }) => {
    const { ctx, flashed } = contextFor(member(false), '/bounties')
    let reached = false
    const result = await new VerifiedMiddleware().handle(ctx, async () => {
      reached = true
    })
    assert.isFalse(reached)
    assert.equal(result, 'went back')
    assert.match(flashed.error, /Confirm your email address first/)
  })

  test('refuses an unverified member on the API with EMAIL_NOT_VERIFIED', async ({ assert }) => {
    const { ctx } = contextFor(member(false), '/api/v1/bounties')
    await assert.rejects(
      () => new VerifiedMiddleware().handle(ctx, async () => {}),
      /Confirm your email address first/
    )
  })
})
