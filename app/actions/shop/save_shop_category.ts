import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditLog, { type AuditActor } from '#models/audit_log'
import ShopCategory from '#models/shop_category'
import { DomainError } from '#exceptions/domain_error'

type CategoryData = { name?: string; position?: number }

/**
 * The shop's shelves (G1): created, renamed, ordered and deleted by
 * Leaders, each audited with before and after. Deleting a shelf leaves its
 * products in the shop, uncategorised (the foreign key sets them to null).
 */
export default class SaveShopCategory {
  static async create(
    actor: AuditActor,
    data: Required<Pick<CategoryData, 'name'>> & CategoryData
  ) {
    return db.transaction(async (trx) => {
      await SaveShopCategory.#refuseTakenName(data.name, null, trx)
      const category = await ShopCategory.create(
        { name: data.name, position: data.position ?? (await SaveShopCategory.#nextPosition(trx)) },
        { client: trx }
      )
      await AuditLog.recordChange(
        actor,
        'shop_category.created',
        { type: 'shop_category', id: category.id },
        { before: null, after: SaveShopCategory.#snapshot(category) },
        trx
      )
      return category
    })
  }

  static async update(actor: AuditActor, category: ShopCategory, data: CategoryData) {
    return db.transaction(async (trx) => {
      const locked = await SaveShopCategory.#lock(category, trx)
      if (data.name) await SaveShopCategory.#refuseTakenName(data.name, locked.id, trx)
      const before = SaveShopCategory.#snapshot(locked)
      locked.merge(data)
      await locked.useTransaction(trx).save()
      await AuditLog.recordChange(
        actor,
        'shop_category.updated',
        { type: 'shop_category', id: locked.id },
        { before, after: SaveShopCategory.#snapshot(locked) },
        trx
      )
      return locked
    })
  }

  static async destroy(actor: AuditActor, category: ShopCategory) {
    return db.transaction(async (trx) => {
      const locked = await SaveShopCategory.#lock(category, trx)
      const products = await trx.from('products').where('category_id', locked.id).count('* as n')
      await locked.useTransaction(trx).delete()
      await AuditLog.record(
        actor,
        {
          action: 'shop_category.deleted',
          subject: { type: 'shop_category', id: locked.id },
          data: {
            before: SaveShopCategory.#snapshot(locked),
            after: null,
            uncategorisedProducts: Number(products[0].n),
          },
        },
        trx
      )
    })
  }

  static #lock(category: ShopCategory, trx: TransactionClientContract) {
    return ShopCategory.query({ client: trx }).where('id', category.id).forUpdate().firstOrFail()
  }

  /**
   * The unique index ignores case; saying so on the form beats a 500.
   */
  static async #refuseTakenName(
    name: string,
    exceptId: string | null,
    trx: TransactionClientContract
  ) {
    const query = trx.from('shop_categories').whereRaw('lower(name) = lower(?)', [name])
    if (exceptId) query.whereNot('id', exceptId)
    if (await query.first()) {
      throw new DomainError('NAME_TAKEN', 'Another shop category has this name.', {
        field: 'name',
      })
    }
  }

  static async #nextPosition(trx: TransactionClientContract) {
    const row = await trx.from('shop_categories').max('position as last').first()
    return Number(row?.last ?? -1) + 1
  }

  static #snapshot(category: ShopCategory) {
    return { name: category.name, position: category.position }
  }
}
