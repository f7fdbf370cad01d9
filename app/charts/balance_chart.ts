import { DateTime } from 'luxon'
import Ledger, { type AccountRef } from '#ledger/ledger'
import Money from '#ledger/money'
import { lineChart } from '#charts/line_chart'

/**
 * Amounts of money over days or weeks as a line chart, each point named by
 * its UTC date (`YYYY-MM-DD`) through `describe`; null while every amount
 * is zero (the page shows its empty state instead).
 */
export function moneyChart(
  points: { day: string; amount: Money }[],
  describe: (date: string) => string = (day) => day
) {
  if (points.every(({ amount }) => amount.isZero())) return null
  return lineChart(
    points.map(({ day, amount }) => ({ label: day, value: amount.cents })),
    (cents) => Money.fromCents(cents).format(),
    (day) => describe(DateTime.fromISO(day, { zone: 'utc' }).toFormat('LLL d'))
  )
}

/**
 * An account's balance at the end of each of the last `days` days (UTC,
 * today included) as a line chart, its sign turned with `sign: -1` (the
 * treasury, whose balance is minus what it issued); null while it was zero
 * every day.
 */
export async function dailyBalanceChart(ref: AccountRef, days: number, sign: 1 | -1 = 1) {
  const today = DateTime.utc().startOf('day')
  const balances = await Ledger.dailyBalances(
    ref,
    today.minus({ days: days - 1 }).toISODate()!,
    today.toISODate()!
  )
  return moneyChart(
    balances.map(({ day, balance }) => ({ day, amount: sign === 1 ? balance : balance.negated() }))
  )
}
