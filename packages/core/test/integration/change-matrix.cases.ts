/**
 * The change matrix: every object kind the foundation covers, added, altered and dropped. Each
 * case is a pair of model folders; the test goes from the first to the second and back.
 */
export interface MatrixCase {
  readonly name: string
  readonly before: Readonly<Record<string, string>>
  readonly after: Readonly<Record<string, string>>
}

const HEADER = `import type { ColumnType, Generated } from 'kysely'\n`

/** A one-file model folder: the `DB` interface from `db`, then the table interfaces. */
function models(db: string, body: string): Readonly<Record<string, string>> {
  return { 'index.ts': `${HEADER}\nexport interface DB {\n${db}\n}\n\n${body}\n` }
}

const USERS = `
/** Registered users. */
export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  /** @dbType varchar(255) @unique */
  email: string
  name: string | null
}`

const NOTES = `
/** @index (user_id, created_at desc) */
export interface NoteTable {
  /** @primaryKey @dbType uuid @default gen_random_uuid() */
  id: Generated<string>
  /** @references users.id onDelete cascade */
  user_id: number
  title: string
  /** @default now() */
  created_at: Generated<Date>
}`

const EMPTY = models('', '')
const ONLY_USERS = models('  users: UserTable', USERS)
const USERS_AND_NOTES = models('  users: UserTable\n  notes: NoteTable', `${USERS}\n${NOTES}`)

/** USERS with its body edited by `edit`. */
function usersWith(edit: (source: string) => string, extra = ''): Readonly<Record<string, string>> {
  return models('  users: UserTable', `${extra}\n${edit(USERS)}`)
}

export const MATRIX_CASES: readonly MatrixCase[] = [
  // Tables
  { name: 'create a table', before: EMPTY, after: ONLY_USERS },
  { name: 'drop a table', before: ONLY_USERS, after: EMPTY },
  { name: 'create a table with a foreign key and an index', before: ONLY_USERS, after: USERS_AND_NOTES },
  { name: 'drop a referencing table', before: USERS_AND_NOTES, after: ONLY_USERS },
  {
    name: 'create a table in another schema',
    before: EMPTY,
    after: models(`  'audit.events': EventTable`, `export interface EventTable {\n  /** @primaryKey */\n  id: Generated<number>\n  payload: unknown\n}`),
  },
  {
    name: 'files split across imports',
    before: EMPTY,
    after: {
      'index.ts': `import type { UserTable } from './users.js'\nexport interface DB {\n  users: UserTable\n}\n`,
      'users.ts': `${HEADER}${USERS}\n`,
    },
  },
  // Columns
  { name: 'add a column', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', 'name: string | null\n  age: number | null')) },
  { name: 'drop a column', before: ONLY_USERS, after: usersWith((s) => s.replace('  name: string | null\n', '')) },
  { name: 'change a column type', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', '/** @dbType varchar(100) */\n  name: string | null')) },
  { name: 'change a type that needs USING', before: usersWith((s) => s.replace('name: string | null', 'score: string | null')), after: usersWith((s) => s.replace('name: string | null', 'score: number | null')) },
  { name: 'make a column not null', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', 'name: string')) },
  { name: 'add a default', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', "/** @default 'anonymous' */\n  name: Generated<string | null>")) },
  {
    name: 'change a default of another shape',
    before: usersWith((s) => s.replace('name: string | null', '/** @default now() */\n  seen_at: Generated<Date>')),
    after: usersWith((s) => s.replace('name: string | null', "/** @default '2000-01-01 00:00:00+00' */\n  seen_at: Generated<Date>")),
  },
  { name: 'drop an identity', before: ONLY_USERS, after: usersWith((s) => s.replace('/** @primaryKey */\n  id: Generated<number>', '/** @primaryKey */\n  id: number')) },
  { name: 'identity by default to always', before: ONLY_USERS, after: usersWith((s) => s.replace('/** @primaryKey */', '/** @primaryKey @identity always */')) },
  { name: 'column comment', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', '/** What to call them. */\n  name: string | null')) },
  { name: 'table comment changed', before: ONLY_USERS, after: usersWith((s) => s.replace('Registered users.', 'People with an account.')) },
  // Keys and constraints
  {
    name: 'composite primary key',
    before: models('  pairs: PairTable', 'export interface PairTable {\n  a: number\n  b: number\n}'),
    after: models('  pairs: PairTable', '/** @primaryKey (a, b) */\nexport interface PairTable {\n  a: number\n  b: number\n}'),
  },
  { name: 'drop a unique constraint', before: ONLY_USERS, after: usersWith((s) => s.replace(' @unique', '')) },
  { name: 'add a composite unique constraint', before: ONLY_USERS, after: usersWith((s) => s.replace('/** Registered users. */', '/**\n * Registered users.\n * @unique (email, name)\n */')) },
  {
    name: 'change foreign key actions',
    before: USERS_AND_NOTES,
    after: models('  users: UserTable\n  notes: NoteTable', `${USERS}\n${NOTES.replace('onDelete cascade', 'onDelete restrict onUpdate cascade')}`),
  },
  // Indexes
  {
    name: 'change an index to partial and expression keys',
    before: USERS_AND_NOTES,
    after: models('  users: UserTable\n  notes: NoteTable', `${USERS}\n${NOTES.replace('@index (user_id, created_at desc)', '@index notes_title_idx: (lower(title), created_at desc nulls last) where user_id > 0')}`),
  },
  { name: 'add a single-column index', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', '/** @index */\n  name: string | null')) },
  // Enums
  {
    name: 'create an enum and a column using it',
    before: ONLY_USERS,
    after: usersWith((s) => s.replace('name: string | null', "name: string | null\n  /** @default 'member' */\n  role: Generated<Role>"), "export type Role = 'admin' | 'member'"),
  },
  {
    name: 'append an enum value',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member' | 'guest'"),
  },
  {
    name: 'drop an enum with its column',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: ONLY_USERS,
  },
  {
    name: 'an enum array column',
    before: ONLY_USERS,
    after: usersWith((s) => s.replace('name: string | null', 'roles: Role[]'), "export type Role = 'admin' | 'member'"),
  },
  {
    name: 'column types of the default mapping',
    before: EMPTY,
    after: models(
      '  things: ThingTable',
      `export interface ThingTable {
  a: string
  b: number
  c: bigint
  d: boolean
  e: Date
  f: Buffer
  g: unknown
  h: string[]
  /** @dbType numeric(12, 2) */
  i: ColumnType<string, string | number, string | number>
  j: number[] | null
}`,
    ),
  },
]
