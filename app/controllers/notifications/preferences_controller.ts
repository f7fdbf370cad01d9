import type { HttpContext } from '@adonisjs/core/http'
import NotificationPreference, {
  type NotificationPreferences,
} from '#models/notification_preference'
import BountyWatcher from '#models/bounty_watcher'
import TagWatcher from '#models/tag_watcher'
import Tag from '#models/tag'
import {
  NOTIFICATION_CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_TYPE_INFO,
  NOTIFICATION_TYPES,
  WATCH_LEVEL_LABELS,
  WATCH_LEVELS,
} from '#enums/notification'
import {
  preferencesFromForm,
  updateNotificationPreferencesValidator,
} from '#validators/notification'

/**
 * Settings → Notifications → what reaches me (D3) and what I watch (K10).
 */
export default class PreferencesController {
  async edit({ auth, view }: HttpContext) {
    const user = await auth.use('web').getUserOrFail().loadProfileAndSettings()
    const [preferences, watchedTags, watchedBounties, tags] = await Promise.all([
      NotificationPreference.of(user.id),
      TagWatcher.ofUser(user.id),
      BountyWatcher.ofUser(user),
      Tag.query().orderBy('name'),
    ])
    const leveled = new Set(watchedTags.map((watch) => watch.tagId))
    return view.render('pages/notifications/preferences', {
      user,
      preferences,
      groups: groupedTypes(),
      channels: NOTIFICATION_CHANNELS.map((value) => ({
        value,
        label: NOTIFICATION_CHANNEL_LABELS[value],
      })),
      levels: WATCH_LEVELS.map((value) => ({ value, label: WATCH_LEVEL_LABELS[value] })),
      watchedTags,
      watchedBounties,
      otherTags: tags.filter((tag) => !leveled.has(tag.id)),
    })
  }

  async update({ auth, request, response, session }: HttpContext) {
    const { preferences } = await updateNotificationPreferencesValidator.validate({
      preferences: preferencesFromForm(request.input('preferences')),
    })
    const user = auth.use('web').getUserOrFail()
    await NotificationPreference.saveFor(user.id, preferences as Partial<NotificationPreferences>)
    session.flash('success', 'Your notification preferences have been saved.')
    return response.redirect().toRoute('notification_preferences.edit')
  }
}

/**
 * Types in the order and groups the page shows them.
 */
function groupedTypes() {
  const groups = new Map<string, { type: string; label: string }[]>()
  for (const type of NOTIFICATION_TYPES) {
    const { group, label } = NOTIFICATION_TYPE_INFO[type]
    groups.set(group, [...(groups.get(group) ?? []), { type, label }])
  }
  return [...groups].map(([name, types]) => ({ name, types }))
}
