import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Product from '#models/product'
import ProductImages from '#services/product_images'
import { DomainError } from '#exceptions/domain_error'
import type Money from '#ledger/money'

export type ProductData = {
  name: string
  description: string
  price: Money
  stock: number | null
  lowStockThreshold: number | null
  categoryId: string | null
  active: boolean
}

/**
 * What changes the picture: a new upload, or taking the current one away.
 */
export type ImageChange = { upload?: MultipartFile; remove?: boolean }

/**
 * The catalogue's writes (G1), each audited with before and after in its
 * transaction. A picture is stored before the transaction and removed again
 * if it rolls back; the picture it replaces is removed once the change is
 * committed, so a failed save never leaves a product without its image.
 */
export default class SaveProduct {
  static async create(actor: AuditActor, data: ProductData, image: ImageChange = {}) {
    return SaveProduct.#withImage(image, null, async (imagePath, trx) => {
      const product = await Product.create(
        { ...data, imagePath: imagePath ?? null, createdBy: actor.user.id },
        { client: trx }
      )
      await AuditLog.recordChange(
        actor,
        'product.created',
        { type: 'product', id: product.id },
        { before: null, after: SaveProduct.snapshot(product) },
        trx
      )
      return product
    })
  }

  static async update(
    actor: AuditActor,
    product: Product,
    data: Partial<ProductData>,
    image: ImageChange = {}
  ) {
    return SaveProduct.#change(actor, product, 'product.updated', image, (locked) => {
      // Only the fields that were sent change (the API's PUT).
      locked.merge(Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)))
    })
  }

  /**
   * Off the shelf for good but kept, with its orders: what happens to a
   * product that was ordered instead of deleting it.
   */
  static archive(actor: AuditActor, product: Product, archived: boolean) {
    return SaveProduct.#change(
      actor,
      product,
      archived ? 'product.archived' : 'product.restored',
      {},
      (locked) => {
        locked.archivedAt = archived ? (locked.archivedAt ?? DateTime.now()) : null
      }
    )
  }

  /**
   * Only a product nobody ordered can go; order lines keep the others
   * (the foreign key refuses too, this says why).
   */
  static async destroy(actor: AuditActor, product: Product) {
    const imagePath = await db.transaction(async (trx) => {
      const locked = await Product.query({ client: trx })
        .where('id', product.id)
        .forUpdate()
        .firstOrFail()
      const ordered = await trx.from('order_items').where('product_id', locked.id).first()
      if (ordered) {
        throw new DomainError(
          'PRODUCT_HAS_ORDERS',
          'This product has been ordered: archive it instead, so its orders keep it.'
        )
      }
      const before = SaveProduct.snapshot(locked)
      await locked.useTransaction(trx).delete()
      await AuditLog.recordChange(
        actor,
        'product.deleted',
        { type: 'product', id: locked.id },
        { before, after: null },
        trx
      )
      return locked.imagePath
    })
    await ProductImages.remove(imagePath)
  }

  static snapshot(product: Product) {
    return {
      name: product.name,
      price: product.price.toString(),
      stock: product.stock,
      lowStockThreshold: product.lowStockThreshold,
      categoryId: product.categoryId,
      active: product.active,
      archived: product.archivedAt !== null,
      image: product.imagePath,
      descriptionLength: product.description.length,
    }
  }

  static #change(
    actor: AuditActor,
    product: Product,
    action: string,
    image: ImageChange,
    apply: (locked: Product) => void
  ) {
    return SaveProduct.#withImage(image, product.imagePath, async (imagePath, trx) => {
      const locked = await Product.query({ client: trx })
        .where('id', product.id)
        .forUpdate()
        .firstOrFail()
      const before = SaveProduct.snapshot(locked)
      apply(locked)
      if (imagePath !== undefined) locked.imagePath = imagePath
      await locked.useTransaction(trx).save()
      await AuditLog.recordChange(
        actor,
        action,
        { type: 'product', id: locked.id },
        { before, after: SaveProduct.snapshot(locked) },
        trx
      )
      return locked
    })
  }

  /**
   * Runs `write` with the picture the product will have (`undefined`:
   * unchanged), cleaning up whichever picture is no longer used.
   */
  static async #withImage<T>(
    image: ImageChange,
    current: string | null,
    write: (imagePath: string | null | undefined, trx: TransactionClientContract) => Promise<T>
  ) {
    const stored = image.upload ? await ProductImages.store(image.upload) : null
    const next = stored ?? (image.remove ? null : undefined)
    try {
      const result = await db.transaction((trx) => write(next, trx))
      if (next !== undefined && current) await ProductImages.remove(current)
      return result
    } catch (error) {
      await ProductImages.remove(stored)
      throw error
    }
  }
}
