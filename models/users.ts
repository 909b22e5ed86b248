import type { Generated } from 'kysely'

/** What a user may do: admins manage every chat. */
export type Role = 'admin' | 'member'

/** Registered users. */
export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  /**
   * Login address, unique across users.
   * @dbType varchar(255) @unique
   */
  email: string
  display_name: string | null
  /** @default 'member' */
  role: Generated<Role>
  /** @default now() */
  created_at: Generated<Date>
}
