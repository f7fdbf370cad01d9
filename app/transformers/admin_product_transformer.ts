import { BaseTransformer } from '@adonisjs/core/transformers'
import type Product from '#models/product'
import ProductImages from '#services/product_images'

/**
 * A product as Leaders manage it in the admin API (G1): what members see
 * (`stock` null is unlimited) and the catalogue's own settings. Takes a
 * product with its category loaded.
 */
export default class AdminProductTransformer extends BaseTransformer<Product> {
  toObject() {
    const product = this.resource
    return {
      id: product.id,
      name: product.name,
      description: product.description,
      imageUrl: ProductImages.url(product.imagePath),
      price: product.price.toString(),
      stock: product.stock,
      lowStockThreshold: product.lowStockThreshold,
      category: product.category ? { id: product.category.id, name: product.category.name } : null,
      active: product.active,
      archivedAt: product.archivedAt?.toUTC().toISO() ?? null,
      createdAt: product.createdAt.toUTC().toISO()!,
      updatedAt: product.updatedAt.toUTC().toISO()!,
    }
  }
}
