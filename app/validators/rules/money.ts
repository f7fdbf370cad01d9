import vine from '@vinejs/vine'
import Money, { MAX_AMOUNT_CENTS } from '#ledger/money'

const MAX_AMOUNT = Money.fromCents(MAX_AMOUNT_CENTS)

/**
 * An amount of money as the API accepts it: a string ("12.5") or a number
 * (12.5) with at most two decimals, greater than zero and at most
 * 1,000,000. Numbers are read through their shortest decimal form, so no
 * float is ever rounded into an amount.
 */
const moneyRule = vine.createRule(
  (value, _options, field) => {
    const amount = Money.tryParse(value)
    if (!amount) {
      field.report('Enter an amount with at most two decimals, like 12.50', 'money', field)
    } else if (!amount.isPositive()) {
      field.report('The amount must be greater than zero', 'money.positive', field)
    } else if (amount.greaterThan(MAX_AMOUNT)) {
      field.report(`The amount must be at most ${MAX_AMOUNT.format()}`, 'money.max', field)
    }
  },
  {
    name: 'money',
    toJSONSchema: (schema) => {
      Object.assign(schema, {
        type: ['string', 'number'],
        pattern: '^\\d{1,7}(\\.\\d{1,2})?$',
        description: 'Greater than 0, at most 1000000, at most two decimals',
      })
    },
  }
)

export const money = () =>
  vine
    .any()
    .use(moneyRule())
    .transform((value) => Money.parse(value))
