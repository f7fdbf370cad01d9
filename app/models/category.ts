import { CategorySchema } from '#database/schema'

/**
 * The optional category of a bounty (B1), managed by admins (I5).
 */
export default class Category extends CategorySchema {}
