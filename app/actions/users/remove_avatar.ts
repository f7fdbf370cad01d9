import drive from '@adonisjs/drive/services/main'
import { avatarKey } from '#actions/users/update_avatar'
import type User from '#models/user'

export default class RemoveAvatar {
  static async handle(user: User) {
    const key = avatarKey(user.avatarUrl)
    user.avatarUrl = null
    await user.save()
    if (key) await drive.use().delete(key)
    return user
  }
}
