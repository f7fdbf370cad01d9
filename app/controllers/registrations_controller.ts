import type { HttpContext } from '@adonisjs/core/http'
import RegisterUser from '#actions/auth/register_user'
import { registerValidator } from '#validators/auth'

export default class RegistrationsController {
  async create({ view }: HttpContext) {
    return view.render('pages/auth/register')
  }

  async store({ request, auth, session, response }: HttpContext) {
    const data = await request.validateUsing(registerValidator)
    const user = await RegisterUser.handle(data)
    await auth.use('web').login(user)
    await session.tag(user.id)
    session.flash(
      'success',
      `Welcome to Corps, ${user.username}! Check ${user.email} for the link that confirms your address.`
    )
    return response.redirect().toRoute('home')
  }
}
