/**
 * A models file with one table, `users`, whose identity key `id` is on line 7: `members` are
 * lines 8, 9, ... (tests assert messages that name those lines).
 */
export function usersModels(...members: readonly string[]): string {
  return [
    "import type { Generated } from 'kysely'", // 1
    'export interface DB {', //                   2
    '  users: UserTable', //                      3
    '}', //                                       4
    'export interface UserTable {', //            5
    '  /** @primaryKey */', //                    6
    '  id: Generated<number>', //                 7
    ...members,
    '}',
    '',
  ].join('\n')
}
