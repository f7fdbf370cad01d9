import type { HttpContext } from '@adonisjs/core/http'
import RecordImpersonation from '#actions/admin/record_impersonation'
import User from '#models/user'
import UserPolicy from '#policies/user_policy'
import { IMPERSONATOR_KEY, type Impersonator } from '#middleware/impersonation_middleware'

/**
 * A Leader acting as a member (store) and back as themselves (destroy); the
 * session remembers who started it, and both ends are audited.
 */
export default class ImpersonationsController {
  async store({ auth, params, request, response, session, bouncer }: HttpContext) {
    const member = await User.findOrFail(params.id)
    await bouncer.with(UserPolicy).authorize('impersonate', member)
    const admin = auth.use('web').getUserOrFail()
    await RecordImpersonation.started({ user: admin, ip: request.ip() }, member)
    await auth.use('web').login(member)
    session.put(IMPERSONATOR_KEY, { id: admin.id, username: admin.username } satisfies Impersonator)
    session.flash('success', `You are now acting as @${member.username}.`)
    return response.redirect().toRoute('dashboard.show')
  }

  async destroy({ auth, request, response, session, bouncer }: HttpContext) {
    const started = session.get(IMPERSONATOR_KEY) as Impersonator | undefined
    const admin = started ? await User.find(started.id) : null
    await bouncer.with(UserPolicy).authorize('stopImpersonating', admin)
    const member = auth.use('web').getUserOrFail()
    await RecordImpersonation.stopped({ user: admin!, ip: request.ip() }, member)
    await auth.use('web').login(admin!)
    session.forget(IMPERSONATOR_KEY)
    session.flash('success', `You are yourself again; you acted as @${member.username}.`)
    return response.redirect().toRoute('admin.users.show', { id: member.id })
  }
}
