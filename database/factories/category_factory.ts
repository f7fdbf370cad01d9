import factory from '@adonisjs/lucid/factories'
import Category from '#models/category'

/**
 * A bounty category with a unique slug.
 */
export const CategoryFactory = factory
  .define(Category, ({ faker }) => {
    const name = `${faker.commerce.department()} ${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`
    return {
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: faker.lorem.sentence(),
    }
  })
  .build()
