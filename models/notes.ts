import type { Generated } from 'kysely'
import type { Json } from './json.js'

/**
 * Notes a user writes; soft-deleted notes keep their row.
 * @index (user_id, created_at desc)
 * @index notes_title_live_idx: (lower(title)) where deleted_at is null
 * @unique (user_id, slug)
 */
export interface NoteTable {
  /** @primaryKey @dbType uuid @default gen_random_uuid() */
  id: Generated<string>
  /** @references users.id onDelete cascade */
  user_id: number
  title: string
  slug: string
  body: string | null
  /** @default '[]'::jsonb */
  tags: Generated<Json>
  /** @default now() */
  created_at: Generated<Date>
  deleted_at: Date | null
}
