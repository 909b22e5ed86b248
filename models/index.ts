/**
 * The example application's schema: a small notes-and-chat service. It is both the Kysely `DB`
 * type the application queries with (`new Kysely<DB>(...)`) and the source kysely-autogen
 * generates migrations from.
 */
import type { ChatTable, ChatMemberTable, MessageTable } from './chats.js'
import type { NoteTable } from './notes.js'
import type { UserTable } from './users.js'

export type { Role } from './users.js'
export type { ChatKind } from './chats.js'

export interface DB {
  users: UserTable
  notes: NoteTable
  chats: ChatTable
  chat_members: ChatMemberTable
  messages: MessageTable
}
