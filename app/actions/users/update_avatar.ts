import { randomBytes } from 'node:crypto'
import { open } from 'node:fs/promises'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@vinejs/vine'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import type User from '#models/user'

export const AVATAR_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
} as const
export type AvatarExtension = keyof typeof AVATAR_TYPES

/**
 * Avatars live on the private disk under avatars/<user id>/ and are served
 * by AvatarsController; `avatarUrl` is that route's path.
 */
export function avatarKey(avatarUrl: string | null) {
  const match = avatarUrl?.match(/^\/avatars\/([0-9a-f-]{36})\/([a-z0-9]+\.(?:jpg|png|webp|gif))$/)
  return match ? `avatars/${match[1]}/${match[2]}` : null
}

export default class UpdateAvatar {
  /**
   * Stores a new avatar and removes the previous one. The file's first bytes
   * must be a JPEG, PNG, WebP or GIF whatever its name says, and the stored
   * extension comes from those bytes.
   */
  static async handle(user: User, file: MultipartFile) {
    const extension = file.tmpPath ? await this.#sniff(file.tmpPath) : null
    if (!extension) {
      throw new errors.E_VALIDATION_ERROR([
        {
          field: 'avatar',
          message: 'The avatar must be a JPEG, PNG, WebP or GIF image',
          rule: 'file.content',
        },
      ])
    }

    const previousKey = avatarKey(user.avatarUrl)
    const name = `${randomBytes(12).toString('hex')}.${extension}`
    await file.moveToDisk(`avatars/${user.id}/${name}`)
    user.avatarUrl = `/avatars/${user.id}/${name}`
    await user.save()
    if (previousKey) await drive.use().delete(previousKey)
    return user
  }

  static async #sniff(path: string): Promise<AvatarExtension | null> {
    const handle = await open(path, 'r')
    const { buffer } = await handle.read(Buffer.alloc(12), 0, 12, 0).finally(() => handle.close())
    const ascii = buffer.toString('latin1')
    if (buffer[0] === 0xff && buffer[1] === 0xd8 && buffer[2] === 0xff) return 'jpg'
    if (ascii.startsWith('\x89PNG\r\n\x1a\n')) return 'png'
    if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif'
    if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp'
    return null
  }
}
