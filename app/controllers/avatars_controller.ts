import drive from '@adonisjs/drive/services/main'
import type { HttpContext } from '@adonisjs/core/http'
import UpdateAvatar, { AVATAR_TYPES, type AvatarExtension } from '#actions/users/update_avatar'
import RemoveAvatar from '#actions/users/remove_avatar'
import { updateAvatarValidator } from '#validators/user'

export default class AvatarsController {
  /**
   * Serves an uploaded avatar with a content type taken from an allow-list,
   * never from the file, and a policy that forbids running anything in it.
   */
  async show({ params, response }: HttpContext) {
    const key = `avatars/${params.userId}/${params.file}`
    if (!(await drive.use().exists(key))) return response.notFound('Avatar not found')
    const extension = String(params.file).split('.').pop() as AvatarExtension
    response.header('Content-Type', AVATAR_TYPES[extension])
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    return response.stream(await drive.use().getStream(key))
  }

  async update({ auth, request, session, response }: HttpContext) {
    const { avatar } = await request.validateUsing(updateAvatarValidator)
    await UpdateAvatar.handle(auth.use('web').getUserOrFail(), avatar)
    session.flash('success', 'Your new avatar is in place.')
    return response.redirect().toRoute('profile.edit')
  }

  async destroy({ auth, session, response }: HttpContext) {
    await RemoveAvatar.handle(auth.use('web').getUserOrFail())
    session.flash('success', 'Your avatar has been removed.')
    return response.redirect().toRoute('profile.edit')
  }
}
