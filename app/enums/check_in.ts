import type { CheckInScore } from '#enums/team'

/**
 * What each check-in score asks, for the form and its hints (F3). `care`
 * is what weighs on the member: it is subtracted from the score.
 */
export const CHECKIN_QUESTIONS: Record<CheckInScore, { label: string; hint: string }> = {
  productive: {
    label: 'Productive',
    hint: 'How much did you get done this week? 1 = hardly anything, 10 = a great deal.',
  },
  satisfied: {
    label: 'Satisfied',
    hint: 'How happy are you with your work this week? 1 = not at all, 10 = completely.',
  },
  body: {
    label: 'Body',
    hint: 'How well rested and healthy do you feel? 1 = worn out, 10 = in great shape.',
  },
  care: {
    label: 'Care',
    hint: 'How much is weighing on your mind? 1 = nothing, 10 = a lot. It lowers the score.',
  },
}
