import vine from '@vinejs/vine'
import { uuid } from '#validators/rules/uuid'
import { text } from '#validators/rules/text'

/**
 * A check-in's scores: whole numbers from 1 to 10 (F3). A form sends them
 * as text, a client as numbers; both arrive here.
 */
const score = () => vine.number().withoutDecimals().range([1, 10])

export const CHECKIN_NOTE_MAX_LENGTH = 1000

/**
 * Who sees a check-in is the member's call: private ones still count in
 * the team's averages (docs/checkins.md).
 */
const answers = {
  productive: score(),
  satisfied: score(),
  body: score(),
  care: score(),
  note: text().maxLength(CHECKIN_NOTE_MAX_LENGTH).nullable().optional(),
  isPrivate: vine.boolean().optional(),
}

/**
 * POST /checkins: the team comes in the body.
 */
export const createCheckInValidator = vine.create({ teamId: uuid(), ...answers })

/**
 * The page's form: the team is the page's.
 */
export const submitCheckInValidator = vine.create(answers)

/**
 * PUT /checkins/:id and the page's edit form: only what is sent changes.
 */
export const updateCheckInValidator = vine.create({
  productive: score().optional(),
  satisfied: score().optional(),
  body: score().optional(),
  care: score().optional(),
  note: answers.note,
  isPrivate: answers.isPrivate,
})

export const currentCheckInValidator = vine.create({ teamId: uuid() })

export const TRENDS_DEFAULT_WEEKS = 12
export const TRENDS_MAX_WEEKS = 52

export const checkInTrendsValidator = vine.create({
  weeks: vine.number().withoutDecimals().range([1, TRENDS_MAX_WEEKS]).optional(),
})
