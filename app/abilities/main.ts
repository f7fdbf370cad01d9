/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Rules that belong to no single model. Per-model rules live in app/policies.
*/
import { AuthorizationResponse, Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

export const accessAdmin = Bouncer.ability((user: User) => user.isAdmin)

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/**
 * The development mail viewer shows every captured mail, password reset
 * links included: only to someone at this machine (the request's address,
 * as the trusted proxies report it, is loopback) or to a signed-in admin.
 */
export const readCapturedMail = Bouncer.ability(
  { allowGuest: true },
  (user: User | null, ip: string) =>
    LOOPBACK.test(ip) ||
    Boolean(user?.isAdmin) ||
    AuthorizationResponse.deny('The mail viewer answers only on this machine, or to admins', 403)
)
