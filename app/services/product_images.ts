import { randomUUID } from 'node:crypto'
import { fileTypeFromFile } from 'file-type'
import sharp from 'sharp'
import drive from '@adonisjs/drive/services/main'
import { errors } from '@vinejs/vine'
import type { MultipartFile } from '@adonisjs/core/bodyparser'

/**
 * Product pictures (G1) on the private disk under products/, served by
 * shop/ProductImagesController to whoever may see the product. Whatever a Leader uploads is decoded and written
 * again as a WebP at most IMAGE_BOX pixels on its longer side, so the shop
 * never serves the uploaded bytes themselves: metadata (a phone's GPS
 * position), anything appended after the picture and oversized originals
 * are gone.
 */
export const IMAGE_BOX = 800

/**
 * A decompression bomb (a small file that decodes to gigapixels) is refused
 * before it is decoded in full.
 */
const MAX_INPUT_PIXELS = 40_000_000

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif'])
const KEY_PATTERN = /^products\/[0-9a-f-]{36}\.webp$/

function refuse(message: string): never {
  throw new errors.E_VALIDATION_ERROR([{ field: 'image', message, rule: 'file.content' }])
}

export default class ProductImages {
  /**
   * Checks the upload by its bytes (its name and declared type are the
   * sender's word), bounds and re-encodes it, and stores it. Returns the
   * Drive key.
   */
  static async store(file: MultipartFile) {
    if (!file.tmpPath || file.size <= 0) refuse('The image is empty')
    const type = await fileTypeFromFile(file.tmpPath)
    if (!type || !ACCEPTED.has(type.mime)) {
      refuse('The image must be a JPEG, PNG, WebP or GIF')
    }
    const webp = await sharp(file.tmpPath, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
      .rotate()
      .resize(IMAGE_BOX, IMAGE_BOX, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer()
      .catch(() => refuse('The image could not be read: it may be damaged or too large'))
    const key = `products/${randomUUID()}.webp`
    await drive.use().put(key, webp, { contentType: 'image/webp' })
    return key
  }

  static async remove(key: string | null) {
    if (key && KEY_PATTERN.test(key)) await drive.use().delete(key)
  }
}
