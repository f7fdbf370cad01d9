import { BadgeSchema } from '#database/schema'

/**
 * A badge of the catalogue (E2, I5): automatic ones (criteria in
 * app/gamification) and those admins define and grant by hand.
 */
export default class Badge extends BadgeSchema {
  /**
   * The whole catalogue, automatic badges first, then by name.
   */
  static catalogue() {
    return this.query().orderBy('is_automatic', 'desc').orderBy('name')
  }
}
