import { test } from '@japa/runner'
import type { Assert } from '@japa/assert'
import type { ApiClient, ApiRequest } from '@japa/api-client'
import User from '#models/user'
import { UserFactory } from '#database/factories/user_factory'

export async function bearerFor(user: User, abilities: string[] = ['*']) {
  const token = await User.accessTokens.create(user, abilities)
  return `Bearer ${token.value!.release()}`
}

export async function memberWithToken(abilities: string[] = ['*']) {
  const user = await UserFactory.apply('verified').create()
  return { user, authorization: await bearerFor(user, abilities) }
}

/**
 * A body an endpoint must refuse: what is wrong with it (read as the end of
 * "422 VALIDATION_FAILED when …"), the body, and the field and rule the
 * answer's details must name.
 */
export type InvalidInput = [
  name: string,
  body: Record<string, unknown>,
  field: string,
  rule: string,
]

/**
 * One test per invalid body (Japa's `test.with`): each is refused with 422
 * VALIDATION_FAILED naming the field and the rule it broke. `given` sets up
 * what each request needs; `unchanged` checks that nothing was saved.
 */
export function refusesInvalidInput<Given>(
  cases: InvalidInput[],
  options: {
    send: (client: ApiClient, body: Record<string, unknown>, given: Given) => ApiRequest
    given?: () => Promise<Given>
    unchanged?: (assert: Assert, given: Given) => Promise<void>
  }
) {
  test('422 VALIDATION_FAILED when {name}')
    .with(cases.map(([name, body, field, rule]) => ({ name, body, field, rule })))
    .run(async ({ client, assert }, { body, field, rule }) => {
      const given = (await options.given?.()) as Given
      const response = await options.send(client, body, given)

      response.assertStatus(422)
      assert.equal(response.body().error.code, 'VALIDATION_FAILED')
      assert.deepInclude(
        response.body().error.details.map((detail: { field: string; rule: string }) => ({
          field: detail.field,
          rule: detail.rule,
        })),
        { field, rule }
      )
      await options.unchanged?.(assert, given)
    })
}
