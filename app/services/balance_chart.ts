import { DateTime } from 'luxon'
import Ledger, { type AccountRef } from '#ledger/ledger'
import Money from '#ledger/money'
import { lineChart } from '#services/line_chart'

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
  if (balances.every(({ balance }) => balance.isZero())) return null
  return lineChart(
    balances.map(({ day, balance }) => ({ label: day, value: balance.cents * BigInt(sign) })),
    (cents) => Money.fromCents(cents).format(),
    (day) => DateTime.fromISO(day, { zone: 'utc' }).toFormat('LLL d')
  )
}
