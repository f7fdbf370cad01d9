import { test } from '@japa/runner'
import Money from '#ledger/money'

test.group('Money', () => {
  test('parses strings and numbers with up to two decimals exactly', ({ assert }) => {
    assert.equal(Money.parse('12').cents, 1200n)
    assert.equal(Money.parse('12.5').cents, 1250n)
    assert.equal(Money.parse('12.05').cents, 1205n)
    assert.equal(Money.parse(' 0.01 ').cents, 1n)
    assert.equal(Money.parse(12.5).cents, 1250n)
    assert.equal(Money.parse(1000000).cents, 100000000n)
    assert.equal(Money.parse('-3.10').cents, -310n)
  })

  test('refuses more than two decimals, floats that are not exact and junk', ({ assert }) => {
    for (const value of ['12.345', '1e3', '12,50', '', ' ', '.5', '5.', 'abc', '0x10', '--1']) {
      assert.isNull(Money.tryParse(value), value)
    }
    assert.isNull(Money.tryParse(0.1 + 0.2))
    assert.isNull(Money.tryParse(1e21))
    assert.isNull(Money.tryParse(Number.NaN))
    assert.isNull(Money.tryParse(Number.POSITIVE_INFINITY))
    assert.isNull(Money.tryParse(null))
    assert.isNull(Money.tryParse({ amount: 1 }))
    assert.throws(() => Money.parse('1.234'))
  })

  test('adds and subtracts without floating point error', ({ assert }) => {
    const tenCents = Money.parse('0.10')
    const twenty = Money.parse('0.20')
    assert.equal(tenCents.plus(twenty).toString(), '0.30')
    let total = Money.ZERO
    for (let i = 0; i < 1000; i++) total = total.plus(Money.parse('0.01'))
    assert.equal(total.toString(), '10.00')
    assert.equal(Money.parse('5').minus(Money.parse('7.25')).toString(), '-2.25')
    assert.equal(Money.parse('19.99').times(3).toString(), '59.97')
    assert.equal(Money.sum([Money.parse('1.10'), Money.parse('2.20')]).toString(), '3.30')
  })

  test('compares amounts', ({ assert }) => {
    const small = Money.parse('9.99')
    const large = Money.parse('10')
    assert.isTrue(small.lessThan(large))
    assert.isTrue(large.greaterThan(small))
    assert.equal(small.compare(large), -1)
    assert.equal(large.compare(small), 1)
    assert.isTrue(Money.parse('10.00').equals(large))
    assert.isTrue(Money.ZERO.isZero())
    assert.isTrue(small.isPositive())
    assert.isTrue(small.negated().isNegative())
    assert.equal(small.negated().abs().toString(), '9.99')
  })

  test('prints two decimals for the API and groups thousands for people', ({ assert }) => {
    assert.equal(Money.parse('150').toString(), '150.00')
    assert.equal(Money.parse('0.5').toJSON(), '0.50')
    assert.equal(JSON.stringify({ amount: Money.parse('3') }), '{"amount":"3.00"}')
    assert.equal(Money.parse('1234567.8').format(), '1,234,567.80')
    assert.equal(Money.parse('-1234.5').format(), '−1,234.50')
    assert.equal(Money.parse('-0.05').toString(), '-0.05')
  })

  test('reads numeric columns as the pg driver returns them', ({ assert }) => {
    assert.equal(Money.fromDb('150.00').cents, 15000n)
    assert.equal(Money.fromDb('-999999999999.99').cents, -99999999999999n)
    assert.equal(Money.fromCents(42).toString(), '0.42')
    assert.throws(() => Money.fromCents(0.5))
    assert.throws(() => Money.parse('1').times(1.5))
  })
})
