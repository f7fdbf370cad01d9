import type { HttpContext } from '@adonisjs/core/http'
import NotificationPreference, {
  type NotificationPreferences,
} from '#models/notification_preference'
import { updateNotificationPreferencesValidator } from '#validators/notification'
import { serialize } from '#transformers/envelope'
import NotificationPreferencesTransformer from '#transformers/notification_preferences_transformer'

/**
 * GET/PUT /users/notification-preferences: the channel of every type (D3).
 */
export default class PreferencesController {
  async show({ auth }: HttpContext) {
    const user = auth.use('api').getUserOrFail()
    const preferences = await NotificationPreference.of(user.id)
    return serialize(NotificationPreferencesTransformer.transform(preferences))
  }

  async update({ auth, request }: HttpContext) {
    const { preferences } = await request.validateUsing(updateNotificationPreferencesValidator)
    const user = auth.use('api').getUserOrFail()
    await NotificationPreference.saveFor(user.id, preferences as Partial<NotificationPreferences>)
    const saved = await NotificationPreference.of(user.id)
    return serialize(NotificationPreferencesTransformer.transform(saved), {
      message: 'Notification preferences saved',
    })
  }
}
