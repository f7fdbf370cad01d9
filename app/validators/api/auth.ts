import vine from '@vinejs/vine'
import { passwordRule, usernameRule } from '#validators/auth'

/**
 * The JSON API's account validators. They differ from the page forms where
 * The API contract fixes another shape: no password confirmation, `email | username`
 * instead of `uid`, the reset token in the body, and duplicates answered by
 * RegisterUser with 409 (EMAIL_ALREADY_EXISTS, USERNAME_TAKEN), not 422.
 */
export const apiRegisterValidator = vine.create({
  username: usernameRule(),
  email: vine.string().trim().toLowerCase().maxLength(255).email(),
  password: passwordRule(),
})

export const apiLoginValidator = vine.create({
  email: vine.string().trim().maxLength(255).optional().requiredIfMissing('username'),
  username: vine.string().trim().maxLength(255).optional().requiredIfMissing('email'),
  password: vine.string().maxLength(128),
  otp: vine.string().trim().maxLength(20).optional(),
})

export const apiResetPasswordValidator = vine.create({
  token: vine.string().trim().maxLength(512),
  password: passwordRule(),
})

export const verifyEmailValidator = vine.create({
  token: vine.string().trim().maxLength(2048),
})
