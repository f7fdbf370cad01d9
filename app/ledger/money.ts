/**
 * An exact amount of money in integer minor units (cents, as a bigint).
 *
 * PostgreSQL stores money as numeric(14,2) and returns it as a string; every
 * amount crosses into TypeScript through this class, so no float ever takes
 * part in arithmetic.
 */
const DECIMAL = /^(-)?(\d{1,18})(?:\.(\d{1,2}))?$/

/**
 * The largest amount a single request may move (the API's limit).
 */
export const MAX_AMOUNT_CENTS = 100_000_000n

export default class Money {
  static readonly ZERO = new Money(0n)

  private constructor(readonly cents: bigint) {}

  static fromCents(cents: bigint | number) {
    if (typeof cents === 'number' && !Number.isSafeInteger(cents)) {
      throw new RangeError(`Money.fromCents expects an integer, got ${cents}`)
    }
    return new Money(BigInt(cents))
  }

  /**
   * Parses "12", "12.5", "12.50" or the numbers 12 and 12.5. A number is read
   * through its shortest decimal form, so 0.1 + 0.2 (0.30000000000000004) is
   * refused rather than silently rounded.
   */
  static parse(value: string | number): Money {
    const money = Money.tryParse(value)
    if (!money) throw new RangeError(`Not an amount of money: ${String(value)}`)
    return money
  }

  static tryParse(value: unknown): Money | null {
    let text: string
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return null
      text = String(value)
    } else if (typeof value === 'string') {
      text = value.trim()
    } else {
      return null
    }
    const match = DECIMAL.exec(text)
    if (!match) return null
    const [, sign, units, fraction = ''] = match
    const cents = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'))
    return new Money(sign ? -cents : cents)
  }

  /**
   * Reads a numeric column as returned by the pg driver (always a string).
   */
  static fromDb(value: string | number): Money {
    return Money.parse(value)
  }

  static sum(amounts: Money[]) {
    return amounts.reduce((total, amount) => total.plus(amount), Money.ZERO)
  }

  plus(other: Money) {
    return new Money(this.cents + other.cents)
  }

  minus(other: Money) {
    return new Money(this.cents - other.cents)
  }

  times(factor: number | bigint) {
    if (typeof factor === 'number' && !Number.isSafeInteger(factor)) {
      throw new RangeError(`Money can only be multiplied by an integer, got ${factor}`)
    }
    return new Money(this.cents * BigInt(factor))
  }

  negated() {
    return new Money(-this.cents)
  }

  abs() {
    return this.cents < 0n ? this.negated() : this
  }

  compare(other: Money): -1 | 0 | 1 {
    if (this.cents === other.cents) return 0
    return this.cents < other.cents ? -1 : 1
  }

  equals(other: Money) {
    return this.cents === other.cents
  }

  greaterThan(other: Money) {
    return this.cents > other.cents
  }

  lessThan(other: Money) {
    return this.cents < other.cents
  }

  isZero() {
    return this.cents === 0n
  }

  isPositive() {
    return this.cents > 0n
  }

  isNegative() {
    return this.cents < 0n
  }

  /**
   * The API and database form: "1234.50".
   */
  toString() {
    const negative = this.cents < 0n
    const cents = negative ? -this.cents : this.cents
    const units = cents / 100n
    const fraction = (cents % 100n).toString().padStart(2, '0')
    return `${negative ? '-' : ''}${units}.${fraction}`
  }

  toJSON() {
    return this.toString()
  }

  /**
   * The form people read: "1,234.50".
   */
  format() {
    const [units, fraction] = this.abs().toString().split('.')
    const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    return `${this.isNegative() ? '−' : ''}${grouped}.${fraction}`
  }
}
