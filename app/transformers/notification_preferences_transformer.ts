import { BaseTransformer } from '@adonisjs/core/transformers'
import type { NotificationPreferences } from '#models/notification_preference'

/**
 * Every notification type with the member's channel (defaults filled in).
 */
export default class NotificationPreferencesTransformer extends BaseTransformer<NotificationPreferences> {
  toObject() {
    return { preferences: { ...this.resource } }
  }
}
