import vine from '@vinejs/vine'
import { IANAZone } from 'luxon'

/**
 * A timezone is an IANA name ("Europe/Paris", "UTC"): a team's decides when
 * its check-in weeks start (F3), a member's when their analytics weeks do
 * (H2).
 */
const ianaZone = vine.createRule(
  (value, _options, field) => {
    if (typeof value !== 'string') return
    if (!IANAZone.isValidZone(value)) {
      field.report('Choose a timezone like Europe/Paris or UTC', 'timezone', field)
    }
  },
  {
    name: 'ianaZone',
    toJSONSchema: (schema) => {
      Object.assign(schema, { description: 'An IANA timezone name, e.g. Europe/Paris' })
    },
  }
)

export const timezone = () => vine.string().trim().maxLength(64).use(ianaZone())

/**
 * The choices of a timezone select, UTC always among them.
 */
export const TIMEZONE_OPTIONS = Intl.supportedValuesOf('timeZone').map((zone) => ({
  value: zone,
  label: zone,
}))
if (!TIMEZONE_OPTIONS.some((zone) => zone.value === 'UTC'))
  TIMEZONE_OPTIONS.unshift({ value: 'UTC', label: 'UTC' })
