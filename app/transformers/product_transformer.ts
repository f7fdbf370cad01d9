import { BaseTransformer } from '@adonisjs/core/transformers'
import { urlFor } from '@adonisjs/core/services/url_builder'
import type Product from '#models/product'

/**
 * A product of the shop (GET /shop/products, a cart line's product). The
 * description is its markdown source; `stock` null means unlimited. Takes
 * a product with its category loaded.
 */
export default class ProductTransformer extends BaseTransformer<Product> {
  toObject() {
    const product = this.resource
    return {
      id: product.id,
      name: product.name,
      description: product.description,
      imageUrl: product.imagePath
        ? urlFor(
            'shop_product_images.show',
            { id: product.id },
            { qs: { v: product.imageVersion } }
          )
        : null,
      price: product.price.toString(),
      stock: product.stock,
      category: product.category ? { id: product.category.id, name: product.category.name } : null,
      active: product.active,
    }
  }
}
