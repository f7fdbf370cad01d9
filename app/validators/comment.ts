import vine from '@vinejs/vine'
import { text } from '#validators/rules/text'

/**
 * A comment in markdown (B6); it is sanitised when rendered, never trusted.
 */
export const createCommentValidator = vine.create({
  content: text().minLength(1).maxLength(10000),
})
