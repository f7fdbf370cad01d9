import factory from '@adonisjs/lucid/factories'
import Tag from '#models/tag'

/**
 * A skill tag with a unique name and the colour Corps gives that name.
 */
export const TagFactory = factory
  .define(Tag, ({ faker }) => {
    const name = `${faker.word.noun({ length: { min: 3, max: 12 } })}-${faker.string.alphanumeric({ length: 6, casing: 'lower' })}`
    return { name, color: Tag.colorFor(name.toLowerCase()) }
  })
  .build()
