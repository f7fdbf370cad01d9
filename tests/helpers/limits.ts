import env from '#start/env'
import type { Group } from '@japa/runner/core'

/**
 * Concurrency tests drive one member at machine rates (dozens of
 * withdrawals at once) to exercise the ledger, far past the per-member
 * budgets of docs/limits.md; those budgets have their own tests
 * (tests/functional/limits).
 */
export function withoutMemberBudgets(group: Group) {
  group.setup(() => {
    env.set('MEMBER_LIMITS', 'off')
    return () => env.set('MEMBER_LIMITS', 'on')
  })
}
