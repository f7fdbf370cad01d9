import vine from '@vinejs/vine'
import { TEAM_ROLES } from '#enums/team'
import { text } from '#validators/rules/text'
import { timezone } from '#validators/rules/timezone'

/**
 * Team input for pages and the API alike (the API contract's "Teams and
 * check-ins"). The inferred types flow into the actions.
 */

const fields = {
  name: text().minLength(2).maxLength(100),
  description: text().maxLength(2000),
  isPrivate: vine.boolean(),
  maxMembers: vine.number().withoutDecimals().min(2).max(1000),
  timezone: timezone(),
  allowMemberInvite: vine.boolean(),
}

export const createTeamValidator = vine.create({
  name: fields.name,
  description: fields.description.clone().nullable().optional(),
  isPrivate: fields.isPrivate.clone().optional(),
  maxMembers: fields.maxMembers.clone().optional(),
  timezone: fields.timezone.clone().optional(),
  allowMemberInvite: fields.allowMemberInvite.clone().optional(),
})

/**
 * Only the fields sent change; `null` clears the description.
 */
export const updateTeamValidator = vine.create({
  name: fields.name.clone().optional(),
  description: fields.description.clone().nullable().optional(),
  isPrivate: fields.isPrivate.clone().optional(),
  maxMembers: fields.maxMembers.clone().optional(),
  timezone: fields.timezone.clone().optional(),
  allowMemberInvite: fields.allowMemberInvite.clone().optional(),
})

/**
 * The create and settings forms send every field; an unticked checkbox is
 * not sent, and means "listed".
 */
export const teamFormValidator = vine.create({
  name: fields.name,
  description: fields.description.clone().nullable().optional(),
  isPrivate: vine.boolean().parse((value) => value ?? false),
  maxMembers: fields.maxMembers,
  timezone: fields.timezone,
  allowMemberInvite: vine.boolean().parse((value) => value ?? false),
})

/**
 * Codes are read in any case and with stray spaces around them.
 */
export const joinTeamValidator = vine.create({
  accessCode: vine
    .string()
    .trim()
    .toUpperCase()
    .minLength(4)
    .maxLength(12)
    .regex(/^[A-Z0-9]+$/),
})

export const updateMemberRoleValidator = vine.create({
  role: vine.enum(TEAM_ROLES),
})

/**
 * The member to invite, by username in any case. InviteMember looks them
 * up: a name nobody has is a field error there, a closed account is refused
 * with its reason.
 */
export const inviteMemberValidator = vine.create({
  username: vine.string().trim().maxLength(50),
})
