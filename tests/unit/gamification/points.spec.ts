import { test } from '@japa/runner'
import Money from '#ledger/money'
import { levelFor, pointsForCompletion, pointsForLevel } from '#gamification/points'

test.group('Points rule', () => {
  test('a completion earns its priority base plus one point per whole unit paid', ({ assert }) => {
    assert.equal(pointsForCompletion('LOW', Money.parse('0.99')), 10)
    assert.equal(pointsForCompletion('MEDIUM', Money.parse('25.50')), 45)
    assert.equal(pointsForCompletion('CRITICAL', Money.parse('100')), 150)
  })

  test('levels start at 0, 100, 300, 600 points', ({ assert }) => {
    assert.deepEqual([1, 2, 3, 4].map(pointsForLevel), [0, 100, 300, 600])
    assert.deepInclude(levelFor(0), { level: 1, levelStart: 0, nextLevelAt: 100, percent: 0 })
    assert.deepInclude(levelFor(99), { level: 1, percent: 99 })
    assert.deepInclude(levelFor(100), { level: 2, levelStart: 100, nextLevelAt: 300, percent: 0 })
    assert.deepInclude(levelFor(450), { level: 3, percent: 50 })
    assert.equal(levelFor(1_000_000).level, pointsLevelCheck(1_000_000))
  })
})

function pointsLevelCheck(points: number) {
  let level = 1
  while (pointsForLevel(level + 1) <= points) level++
  return level
}
