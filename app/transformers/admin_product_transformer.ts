import ProductTransformer from '#transformers/product_transformer'

/**
 * A product as Leaders manage it in the admin API (G1): what members see
 * and the catalogue's own settings. Takes a product with its category
 * loaded.
 */
export default class AdminProductTransformer extends ProductTransformer {
  toObject() {
    const product = this.resource
    return {
      ...super.toObject(),
      lowStockThreshold: product.lowStockThreshold,
      archivedAt: product.archivedAt?.toUTC().toISO() ?? null,
      createdAt: product.createdAt.toUTC().toISO()!,
      updatedAt: product.updatedAt.toUTC().toISO()!,
    }
  }
}
