import vine from '@vinejs/vine'
import User from '#models/user'

/**
 * The password rule (A1): 8+ characters with an uppercase letter, a
 * lowercase letter and a digit.
 */
export const passwordRule = () =>
  vine
    .string()
    .minLength(8)
    .maxLength(128)
    .regex(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d).+$/)

/**
 * Page forms ask for the new password twice; the API sends it once.
 */
export const newPasswordRule = () => passwordRule().confirmed()

export const usernameRule = () =>
  vine
    .string()
    .trim()
    .toLowerCase()
    .minLength(3)
    .maxLength(20)
    .regex(/^[a-z0-9_]+$/)

export const registerValidator = vine.create({
  username: usernameRule().unique(
    async (_db, value) =>
      !value.startsWith('deleted_') &&
      !(await User.query()
        .withScopes((scopes) => scopes.named(value))
        .first())
  ),
  email: vine
    .string()
    .trim()
    .toLowerCase()
    .maxLength(255)
    .email()
    .unique(
      async (db, value) => !(await db.from('users').whereRaw('lower(email) = ?', [value]).first())
    ),
  password: newPasswordRule(),
})

export const loginValidator = vine.create({
  uid: vine.string().trim().maxLength(255),
  password: vine.string().maxLength(128),
  remember: vine.boolean().optional(),
})

export const forgotPasswordValidator = vine.create({
  email: vine.string().trim().maxLength(255).email(),
})

export const resetPasswordValidator = vine.create({
  password: newPasswordRule(),
})

export const twoFactorChallengeValidator = vine.create({
  code: vine.string().trim().maxLength(20),
})

export const verifyEmailValidator = vine.create({
  token: vine.string().maxLength(2000),
})
