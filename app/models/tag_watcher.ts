import db from '@adonisjs/lucid/services/db'
import { TagWatcherSchema } from '#database/schema'
import { belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Tag from '#models/tag'
import type { StoredWatchLevel, WatchLevel } from '#enums/notification'

/**
 * A member's watch level on a tag (K10): `watching` tells them of every new
 * bounty with it, `muted` of none even when another tag they watch matches;
 * no row is `normal`. Keyed by (tag, user): written through `setLevel`.
 */
export default class TagWatcher extends TagWatcherSchema {
  @column()
  declare level: StoredWatchLevel

  @belongsTo(() => Tag)
  declare tag: BelongsTo<typeof Tag>

  static ofUser(userId: string) {
    return TagWatcher.query()
      .where('user_id', userId)
      .preload('tag')
      .join('tags', 'tags.id', 'tag_watchers.tag_id')
      .orderBy('tags.name')
      .select('tag_watchers.*')
  }

  static async levelOf(userId: string, tagId: string): Promise<WatchLevel> {
    const row = await TagWatcher.query().where('user_id', userId).where('tag_id', tagId).first()
    return row?.level ?? 'normal'
  }

  /**
   * Who watches any of the tags and who muted any of them.
   */
  static async audienceOf(tagIds: string[], client: QueryClientContract = db.connection()) {
    const watching = new Set<string>()
    const muted = new Set<string>()
    if (!tagIds.length) return { watching, muted }
    const rows = await TagWatcher.query({ client }).whereIn('tag_id', tagIds)
    for (const row of rows) (row.level === 'muted' ? muted : watching).add(row.userId)
    return { watching, muted }
  }

  static async setLevel(userId: string, tagId: string, level: WatchLevel) {
    if (level === 'normal') {
      await db.from(TagWatcher.table).where({ user_id: userId, tag_id: tagId }).delete()
      return
    }
    await db
      .knexQuery()
      .table(TagWatcher.table)
      .insert({ user_id: userId, tag_id: tagId, level })
      .onConflict(['tag_id', 'user_id'])
      .merge(['level'])
  }
}
