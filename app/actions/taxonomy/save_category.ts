import string from '@adonisjs/core/helpers/string'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AuditLog, { type AuditActor } from '#models/audit_log'
import Category from '#models/category'

type CategoryData = { name?: string; description?: string | null; position?: number }

/**
 * Creating, renaming, ordering and retiring categories (I5), each audited
 * with before and after. The slug is made once, at creation, so links to
 * a filtered board keep working after a rename.
 */
export default class SaveCategory {
  static async create(
    actor: AuditActor,
    data: Required<Pick<CategoryData, 'name'>> & CategoryData
  ) {
    return db.transaction(async (trx) => {
      const category = await Category.create(
        {
          name: data.name,
          slug: await SaveCategory.freeSlug(data.name),
          description: data.description ?? null,
          position: data.position ?? (await SaveCategory.nextPosition()),
        },
        { client: trx }
      )
      await AuditLog.recordChange(
        actor,
        'category.created',
        { type: 'category', id: category.id },
        { before: null, after: SaveCategory.snapshot(category) },
        trx
      )
      return category
    })
  }

  static async update(actor: AuditActor, category: Category, data: CategoryData) {
    return SaveCategory.change(actor, category, 'category.updated', (locked) => locked.merge(data))
  }

  /**
   * Hidden from new bounties; the bounties that have it keep it.
   */
  static async retire(actor: AuditActor, category: Category, retired: boolean) {
    return SaveCategory.change(
      actor,
      category,
      retired ? 'category.retired' : 'category.reinstated',
      (locked) => {
        locked.retiredAt = retired ? (locked.retiredAt ?? DateTime.now()) : null
      }
    )
  }

  private static change(
    actor: AuditActor,
    category: Category,
    action: string,
    apply: (locked: Category) => void
  ) {
    return db.transaction(async (trx) => {
      const locked = await Category.query({ client: trx })
        .where('id', category.id)
        .forUpdate()
        .firstOrFail()
      const before = SaveCategory.snapshot(locked)
      apply(locked)
      await locked.useTransaction(trx).save()
      await AuditLog.recordChange(
        actor,
        action,
        { type: 'category', id: locked.id },
        { before, after: SaveCategory.snapshot(locked) },
        trx
      )
      return locked
    })
  }

  private static snapshot(category: Category) {
    return {
      name: category.name,
      description: category.description,
      position: category.position,
      retired: category.retiredAt !== null,
    }
  }

  private static async freeSlug(name: string) {
    const base = string.slug(name, { lower: true }).slice(0, 50) || 'category'
    const rows = await Category.query().whereLike('slug', `${base}%`).select('slug')
    const taken = new Set(rows.map((row) => row.slug))
    if (!taken.has(base)) return base
    for (let suffix = 2; ; suffix++) {
      if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`
    }
  }

  private static async nextPosition() {
    const row = await Category.query().max('position as last').first()
    return Number(row?.$extras.last ?? -1) + 1
  }
}
