import type { HttpContext } from '@adonisjs/core/http'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Notification from '#models/notification'
import TeamInvitation from '#models/team_invitation'
import DeleteNotification from '#actions/notifications/delete_notification'
import { NOTIFICATION_TYPE_INFO, NOTIFICATION_TYPES } from '#enums/notification'
import { notificationFiltersValidator } from '#validators/notification'

const PER_PAGE = 20

/**
 * The notification centre (D1): all or unread, by type, newest first.
 */
export default class NotificationsController {
  async index({ auth, request, view }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const [filterError, filters] = await notificationFiltersValidator.tryValidate(request.qs())
    const { page = 1, unread = false, type } = filters ?? {}
    const notifications = await Notification.inboxOf(user, { unread, type }, page, PER_PAGE)
    const query = { ...(unread ? { unread: '1' } : {}), ...(type ? { type } : {}) }
    notifications.baseUrl(request.url()).queryString(query)
    return view.render('pages/notifications/index', {
      notifications,
      openInvitations: await TeamInvitation.openAmong(user.id, notifications.all()),
      unread,
      type,
      query,
      filterError: filterError ? 'Some filters were not valid and were ignored.' : null,
      types: NOTIFICATION_TYPES.map((value) => ({
        value,
        label: NOTIFICATION_TYPE_INFO[value].label,
      })),
    })
  }

  async destroy({ auth, params, response, session }: HttpContext) {
    const user = auth.use('web').getUserOrFail()
    const notification = await Notification.findOwnOrFail(user, params.id)
    await DeleteNotification.handle(user, notification)
    session.flash('success', 'Notification deleted.')
    return response.redirect().back(urlFor('notifications.index'))
  }
}
