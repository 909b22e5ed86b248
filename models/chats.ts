import type { Generated } from 'kysely'

export type ChatKind = 'direct' | 'group'

/** Conversations between users. */
export interface ChatTable {
  /** @primaryKey */
  id: Generated<number>
  kind: ChatKind
  title: string | null
  /** @references users.id onDelete set null */
  created_by: number | null
  /** @default now() */
  created_at: Generated<Date>
}

/**
 * Who is in which chat.
 * @primaryKey (chat_id, user_id)
 * @index (user_id)
 */
export interface ChatMemberTable {
  /** @references chats.id onDelete cascade */
  chat_id: number
  /** @references users.id onDelete cascade */
  user_id: number
  /** @default now() */
  joined_at: Generated<Date>
}

/**
 * Messages, newest read first.
 * @index (chat_id, sent_at desc)
 */
export interface MessageTable {
  /** @primaryKey @dbType bigint */
  id: Generated<string>
  /** @references chats.id onDelete cascade */
  chat_id: number
  /** @references users.id onDelete set null */
  author_id: number | null
  body: string
  /** @default now() */
  sent_at: Generated<Date>
  edited_at: Date | null
}
