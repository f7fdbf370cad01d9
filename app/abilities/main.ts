/*
|--------------------------------------------------------------------------
| Bouncer abilities
|--------------------------------------------------------------------------
|
| Rules that belong to no single model. Per-model rules live in app/policies.
*/
import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'

export const accessAdmin = Bouncer.ability((user: User) => user.isAdmin)
