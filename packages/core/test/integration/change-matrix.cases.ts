import { modelFiles } from '../support/model-files.js'
import type { ModelPair } from '../support/round-trip.js'

/**
 * The change matrix: every object kind the foundation covers, added, altered and dropped. Each
 * case is a pair of model folders; the test goes from the first to the second and back.
 */
export interface MatrixCase extends ModelPair {
  readonly name: string
}

const models = modelFiles

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


/** A one-table model folder: `key` in DB, the interface `body` (with its JSDoc), and extra types. */
function one(key: string, body: string, extra = ''): Readonly<Record<string, string>> {
  const name = /export interface (\w+)/.exec(body)![1]
  return models(`  ${key}: ${name}`, `${extra}\n${body}`)
}

const NOTES_FOR = (target: string): string => NOTES.replace('users.id', `${target}.id`)

/** A table whose last column, `area`, carries `areaTags`; `labels` reference it when it is unique. */
const BOXES = (areaTags: string): string => `export interface BoxTable {\n  width: number\n  ${areaTags}\n  area: number\n}`
const LABELS = 'export interface LabelTable {\n  /** @references boxes.area */\n  box_area: number | null\n}'

const STATUS_AND_PHASE = "export type Status = 'open' | 'closed'\nexport type Phase = 'draft' | 'done'"
/** `kept` stays a Status column (so the type stays); `state` and `history` are typed with `type`. */
const TICKETS = (kept: string, type: string, fallback: string): string =>
  `export interface TicketTable {\n  kept: ${kept}\n  /** @default ${fallback} */\n  state: Generated<${type}>\n  history: ${type}[]\n}`

/**
 * The Mood enum of `values`, `moods` keyed by a Mood and `entries` referencing it: `entryTags`
 * are the JSDoc tags of EntryTable (checks, indexes), `entryMood` its column.
 */
const MOOD_TABLES = (values: string, entryTags = '', entryMood = 'mood: Mood'): string =>
  `export type Mood = ${values}\nexport interface MoodTable {\n  /** @primaryKey */\n  mood: Mood\n}\n${entryTags === '' ? '' : `/**\n${entryTags.split('\n').map((tag) => ` * ${tag}\n`).join('')} */\n`}export interface EntryTable {\n  id: number\n  /** @references moods.mood */\n  ${entryMood}\n}`
const MOOD_DB = '  moods: MoodTable\n  entries: EntryTable'
const MOODS = (values: string, entryTags = '', entryMood = 'mood: Mood'): Readonly<Record<string, string>> =>
  models(MOOD_DB, MOOD_TABLES(values, entryTags, entryMood))
const THREE_MOODS = "'happy' | 'sad' | 'meh'"
const TWO_MOODS = "'happy' | 'meh'"
const FOUR_MOODS = "'happy' | 'sad' | 'meh' | 'calm'"
const MOOD_CHECK = "@check entries_mood_ok: mood <> 'meh'"
const MOOD_INDEX = "@index entries_happy_idx: (id) where mood = 'happy'"

/** `codes` keyed by its code (`name` is the key's, as `k_main:`); `tags` with `tags` as its JSDoc tags. */
const CODE_KEY = (name: string): string => `export interface CodeTable {\n  /** @primaryKey ${name} */\n  code: string\n}`
const TAG_UNIQUE = (tags: string): string => `${tags === '' ? '' : `/** ${tags} */\n`}export interface TagTable {\n  label: string\n}`

const CODES = (unique: string): string => `/** ${unique} */\nexport interface CodeTable {\n  code: string | null\n}`
const USES = 'export interface UseTable {\n  /** @references codes.code */\n  code: string\n}'

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
      'users.ts': `import type { Generated } from 'kysely'\n${USERS}\n`,
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
    before: usersWith((s) => s.replace('name: string | null', 'name: string | null\n  role: Role'), "export type Role = 'admin' | 'member'"),
    after: ONLY_USERS,
  },
  {
    name: 'an enum array column',
    before: ONLY_USERS,
    after: usersWith((s) => s.replace('name: string | null', 'name: string | null\n  roles: Role[]'), "export type Role = 'admin' | 'member'"),
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
  // Renames: data kept, constraints and indexes with default names follow
  {
    name: 'rename a table referenced by a foreign key',
    before: USERS_AND_NOTES,
    after: models(
      '  people: PersonTable\n  notes: NoteTable',
      `${USERS.replace('/** Registered users. */\nexport interface UserTable', '/**\n * Registered users.\n * @renamedFrom users\n * @index (name)\n */\nexport interface PersonTable')}\n${NOTES_FOR('people')}`,
    ),
  },
  {
    name: 'rename a column with a unique key and an index',
    before: usersWith((s) => s.replace('/** @dbType varchar(255) @unique */', '/** @dbType varchar(255) @unique @index */')),
    after: usersWith((s) => s.replace('/** @dbType varchar(255) @unique */\n  email: string', '/** @dbType varchar(255) @unique @index @renamedFrom email */\n  mail: string')),
  },
  {
    name: 'rename a column used by a check and a foreign key',
    before: models('  users: UserTable\n  notes: NoteTable', `${USERS}\n${NOTES.replace('title: string', '/** @check length(title) > 0 */\n  title: string')}`),
    after: models(
      '  users: UserTable\n  notes: NoteTable',
      `${USERS}\n${NOTES.replace('title: string', '/** @check length(heading) > 0 @renamedFrom title */\n  heading: string').replace('/** @references', '/** @renamedFrom user_id @references').replace('user_id: number', 'author_id: number').replace('(user_id, created_at desc)', '(author_id, created_at desc)')}`,
    ),
  },
  {
    name: 'rename a table in another schema and a column at once',
    before: one(`'audit.events'`, 'export interface EventTable {\n  /** @primaryKey */\n  id: Generated<number>\n  /** @index */\n  at: Date\n}'),
    after: one(`'audit.happenings'`, '/** @renamedFrom events */\nexport interface EventTable {\n  /** @primaryKey */\n  id: Generated<number>\n  /** @index @renamedFrom at */\n  happened_at: Date\n}'),
  },
  {
    // supabase-auth's add_id_pkey_identities: the text key becomes provider_id, a uuid id is the new key.
    name: 'rename a primary key column and add a new one under its old name',
    before: one('identities', 'export interface IdentityTable {\n  /** @primaryKey */\n  id: string\n  provider: string\n}'),
    after: one(
      'identities',
      'export interface IdentityTable {\n  /** @renamedFrom id */\n  provider_id: string\n  provider: string\n  /** @primaryKey @dbType uuid @default gen_random_uuid() */\n  id: Generated<string>\n}',
    ),
  },
  { name: 'drop a column and add another with --allow-drop', allowDrop: true, before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', 'nickname: string | null')) },
  // Enums
  {
    name: 'add enum values before, between and after',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'member' | 'owner'"),
    after: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'guest' | 'member' | 'admin' | 'owner' | 'root'"),
  },
  {
    name: 'add an enum value and use it as a default in the same autogenerate',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: usersWith((s) => s.replace('name: string | null', "/** @default 'guest' */\n  role: Generated<Role>"), "export type Role = 'admin' | 'member' | 'guest'"),
  },
  {
    name: 'remove an enum value used by a default, keeping the comment',
    before: usersWith((s) => s.replace('name: string | null', "/** @default 'member' */\n  role: Generated<Role>\n  roles: Role[]"), "/** Who may do what. */\nexport type Role = 'admin' | 'member' | 'guest'"),
    after: usersWith((s) => s.replace('name: string | null', "/** @default 'member' */\n  role: Generated<Role>\n  roles: Role[]"), "/** Who may do what. */\nexport type Role = 'admin' | 'member'"),
  },
  {
    name: 'an enum no column uses, declared with @enumType',
    before: ONLY_USERS,
    after: usersWith((s) => s, "/**\n * Not used by a column.\n * @enumType\n * @schema audit\n */\nexport type Level = 'low' | 'high'"),
  },
  {
    name: 'rename an enum value',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: usersWith((s) => s.replace('name: string | null', 'role: Role'), "/** @renamedValue member 'plain member' */\nexport type Role = 'admin' | 'plain member'"),
  },
  {
    // Found by the property-based round trips: the primary key takes the name the check gives up
    // (renamed in that order), and a check and a unique key swap names through a passing one.
    name: 'constraint and index names passed on and swapped',
    before: one('codes', '/**\n * @check fk_main: length(code) > 0\n * @check k_a: code <> \'\'\n * @unique k_b: (label)\n */\nexport interface CodeTable {\n  /** @primaryKey */\n  code: string\n  label: string\n}'),
    after: one('codes', '/**\n * @check length(code) > 0\n * @check k_b: code <> \'\'\n * @unique k_a: (label)\n */\nexport interface CodeTable {\n  /** @primaryKey fk_main: */\n  code: string\n  label: string\n}'),
  },
  {
    // The primary key renamed to the name of a check (and of an index) the models drop: the drops
    // run before the renames.
    name: 'a key renamed to the name of a dropped check',
    before: one('codes', '/** @check fk_main: length(code) > 0 */\nexport interface CodeTable {\n  /** @primaryKey */\n  code: string\n}'),
    after: one('codes', 'export interface CodeTable {\n  /** @primaryKey fk_main: */\n  code: string\n}'),
  },
  {
    // Found by the property-based round trips: the generated column re-created for its new
    // expression is dropped before the rename (its old expression names the old column), with its
    // key, index and check, so down adds them back after renaming back.
    name: 'rename a column a generated column uses',
    before: one('users', 'export interface UserTable {\n  id: string\n  /** @generated lower(id) @unique @index @check length(folded) > 0 */\n  folded: GeneratedAlways<string>\n}'),
    after: one('users', 'export interface UserTable {\n  /** @renamedFrom id */\n  name: string\n  /** @generated lower(name) @unique @index @check length(folded) > 0 */\n  folded: GeneratedAlways<string>\n}'),
  },
  {
    // Found by the property-based round trips: the foreign key renamed with its column is the one
    // dropped and added again around its key, not a name holder to drop before the renames.
    name: 'rename a column whose self-referencing foreign key moves from a unique key to the primary key',
    before: one('nodes', '/**\n * @unique (id)\n * @foreignKey (id) references nodes (id)\n */\nexport interface NodeTable {\n  id: string\n}'),
    after: one('nodes', '/**\n * @unique (code)\n * @foreignKey (code) references nodes (code)\n */\nexport interface NodeTable {\n  /** @renamedFrom id @primaryKey */\n  code: string\n}'),
  },
  {
    name: 'a key renamed to the name of a dropped index',
    before: one('codes', '/** @index fk_main: (lower(code)) */\nexport interface CodeTable {\n  /** @primaryKey */\n  code: string\n}'),
    after: one('codes', 'export interface CodeTable {\n  /** @primaryKey fk_main: */\n  code: string\n}'),
  },
  {
    // Found by the property-based round trips: an index-backed key's name is a relation name,
    // one namespace per schema, so the key of one table takes a name only once the key of
    // another table gave it up.
    name: 'a primary key takes the name a unique key of another table gives up',
    before: models('  codes: CodeTable\n  tags: TagTable', `${CODE_KEY('')}\n${TAG_UNIQUE('@unique k_main: (label)')}`),
    after: models('  codes: CodeTable\n  tags: TagTable', `${CODE_KEY('k_main:')}\n${TAG_UNIQUE('@unique (label)')}`),
  },
  {
    // As above, the name freed by dropping the other table's key: the drop runs before the renames.
    name: 'a primary key takes the name of a unique key another table drops',
    before: models('  codes: CodeTable\n  tags: TagTable', `${CODE_KEY('')}\n${TAG_UNIQUE('@unique k_main: (label)')}`),
    after: models('  codes: CodeTable\n  tags: TagTable', `${CODE_KEY('k_main:')}\n${TAG_UNIQUE('')}`),
  },
  {
    name: 'a primary key takes the name of a unique key of a table dropped at once',
    before: models('  codes: CodeTable\n  tags: TagTable', `${CODE_KEY('')}\n${TAG_UNIQUE('@unique k_main: (label)')}`),
    after: models('  codes: CodeTable', CODE_KEY('k_main:')),
  },
  {
    // Found by the property-based round trips: the new table's foreign key waits for the key it
    // references, added in the same migration (and goes first in down).
    name: 'create a table referencing a unique key added at once',
    before: ONLY_USERS,
    after: models(
      '  users: UserTable\n  badges: BadgeTable',
      `${USERS.replace('name: string | null', '/** @unique */\n  name: string')}\nexport interface BadgeTable {\n  /** @references users.name */\n  holder: string\n}`,
    ),
  },
  {
    // Found by the property-based round trips: the added value's migration runs before the
    // rename, so it places the value next to the old label.
    name: 'add an enum value next to a value renamed at once',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: usersWith((s) => s.replace('name: string | null', 'role: Role'), "/** @renamedValue member user */\nexport type Role = 'admin' | 'guest' | 'user'"),
  },
  {
    // Found by the property-based round trips: down adds the value back and sets the default to it
    // in one transaction, which ADD VALUE does not allow (unsafe use of new value): it rebuilds.
    name: 'remove an enum value used by the default it had before',
    before: usersWith((s) => s.replace('name: string | null', "/** @default 'member' */\n  role: Generated<Role>"), "export type Role = 'member' | 'admin'"),
    after: usersWith((s) => s.replace('name: string | null', "/** @default 'admin' */\n  role: Generated<Role>"), "export type Role = 'admin'"),
  },
  {
    // Found by the property-based round trips: the added value's own migration runs before the
    // renames, and its down (a rebuild) after they are undone, so it names the old table and column.
    name: 'add an enum value while renaming the table and the column using it',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: models(
      '  people: UserTable',
      `export type Role = 'guest' | 'admin' | 'member'\n${USERS.replace('/** Registered users. */', '/**\n * Registered users.\n * @renamedFrom users\n */').replace('name: string | null', '/** @renamedFrom role */\n  kind: Role')}`,
    ),
  },
  {
    // Found by the property-based round trips: PostgreSQL renames the value inside the default too,
    // and down used to set the old label before renaming it back.
    name: 'rename an enum value used by a default and a check',
    before: usersWith((s) => s.replace('name: string | null', "/** @default 'member' @check role <> 'admin' */\n  role: Generated<Role>"), "export type Role = 'admin' | 'member'"),
    after: usersWith(
      (s) => s.replace('name: string | null', "/** @default 'plain member' @check role <> 'admin' */\n  role: Generated<Role>"),
      "/** @renamedValue member 'plain member' */\nexport type Role = 'admin' | 'plain member'",
    ),
  },
  {
    name: 'enum comment added and reordered values',
    before: usersWith((s) => s.replace('name: string | null', 'role: Role'), "export type Role = 'admin' | 'member'"),
    after: usersWith((s) => s.replace('name: string | null', 'role: Role'), "/** Who may do what. */\nexport type Role = 'member' | 'admin'"),
  },
  // Enum rebuilds (a value removed, or the down of added values) drop and re-create the
  // constraints and indexes over the enum's columns: PostgreSQL cannot recast a foreign key's
  // columns one at a time, nor re-parse a literal typed with the renamed old type.
  { name: 'remove an enum value from columns joined by a foreign key', before: MOODS(THREE_MOODS), after: MOODS(TWO_MOODS) },
  {
    name: 'add an enum value used by a default, on columns joined by a foreign key',
    before: MOODS(THREE_MOODS),
    after: MOODS(FOUR_MOODS, '', "/** @default 'calm' @references moods.mood */\n  mood: Generated<Mood>"),
  },
  { name: 'remove an enum value, with a check comparing with another', before: MOODS(THREE_MOODS, MOOD_CHECK), after: MOODS(TWO_MOODS, MOOD_CHECK) },
  { name: 'remove an enum value, with a partial index comparing with another', before: MOODS(THREE_MOODS, MOOD_INDEX), after: MOODS(TWO_MOODS, MOOD_INDEX) },
  {
    name: 'add an enum value, with a check and a partial index comparing with literals',
    before: MOODS(THREE_MOODS, `${MOOD_CHECK}\n${MOOD_INDEX}`),
    after: MOODS(FOUR_MOODS, `${MOOD_CHECK}\n${MOOD_INDEX}`),
  },
  {
    name: 'add an enum value used by a changed check, with an unchanged partial index',
    before: MOODS(THREE_MOODS, `${MOOD_CHECK}\n${MOOD_INDEX}`),
    after: MOODS(FOUR_MOODS, `@check entries_mood_ok: mood <> 'calm'\n${MOOD_INDEX}`),
  },
  {
    // The changed check is the migration's own (dropped before the rebuild: it holds the removed
    // value), and the dropped table is gone before the rebuild casts the columns.
    name: 'remove an enum value, changing the check that compared with it and dropping a table using the enum',
    before: models(
      `${MOOD_DB}\n  archive: ArchiveTable`,
      `${MOOD_TABLES(THREE_MOODS, "@check entries_mood_ok: mood <> 'sad'")}\n/** @check archive_mood: mood <> 'sad' */\nexport interface ArchiveTable {\n  mood: Mood\n}`,
    ),
    after: MOODS(TWO_MOODS, "@check entries_mood_ok: mood <> 'meh'"),
  },
  // Type changes with dependents
  {
    name: 'retype a column with an index, a unique key and a check',
    before: one('codes', '/** @index (lower(code)) where code <> \'\' */\nexport interface CodeTable {\n  /** @unique @index @check length(code) > 1 */\n  code: string\n}'),
    after: one('codes', '/** @index (lower(code)) where code <> \'\' */\nexport interface CodeTable {\n  /** @dbType varchar(20) @unique @index @check length(code) > 1 */\n  code: string\n}'),
  },
  {
    name: 'retype a primary key referenced by a foreign key',
    before: USERS_AND_NOTES,
    after: models('  users: UserTable\n  notes: NoteTable', `${USERS.replace('id: Generated<number>', 'id: Generated<bigint>')}\n${NOTES.replace('user_id: number', 'user_id: bigint')}`),
  },
  {
    name: 'retype a column used by a generated column',
    before: one('boxes', 'export interface BoxTable {\n  width: number\n  /** @generated width * 2 @index */\n  double_width: number\n}'),
    after: one('boxes', 'export interface BoxTable {\n  /** @dbType bigint */\n  width: number\n  /** @dbType bigint @generated width * 2 @index */\n  double_width: number\n}'),
  },
  {
    name: 'change a generated expression',
    before: one('boxes', 'export interface BoxTable {\n  width: number\n  /** @generated width * 2 @check area > 0 */\n  area: number\n}'),
    after: one('boxes', 'export interface BoxTable {\n  width: number\n  /** @generated width * width @check area > 0 */\n  area: number\n}'),
  },
  {
    name: 'make a plain column generated',
    before: one('boxes', 'export interface BoxTable {\n  width: number\n  area: number\n}'),
    after: one('boxes', 'export interface BoxTable {\n  width: number\n  /** @generated width * width */\n  area: number\n}'),
  },
  // Defaults, nullability, identity, collation
  {
    name: 'defaults of every shape',
    before: one('settings', 'export interface SettingTable {\n  a: number\n  b: unknown\n  c: string[]\n  d: Date\n  e: string\n  f: number | null\n}'),
    after: one(
      'settings',
      "export interface SettingTable {\n  /** @default -1 */\n  a: Generated<number>\n  /** @default '{\"on\": true}'::jsonb */\n  b: Generated<unknown>\n  /** @default ARRAY['x', 'y'] */\n  c: Generated<string[]>\n  /** @default now() - interval '1 day' */\n  d: Generated<Date>\n  /** @default upper('abc') || 'x' */\n  e: Generated<string>\n  /** @default '42'::integer */\n  f: Generated<number | null>\n}",
    ),
  },
  { name: 'make a column nullable', before: usersWith((s) => s.replace('name: string | null', 'name: string')), after: ONLY_USERS },
  {
    name: 'add an identity always',
    before: one('counters', 'export interface CounterTable {\n  /** @primaryKey */\n  id: number\n}'),
    after: one('counters', 'export interface CounterTable {\n  /** @primaryKey @identity always */\n  id: Generated<number>\n}'),
  },
  { name: 'set a collation', before: ONLY_USERS, after: usersWith((s) => s.replace('name: string | null', '/** @collate "C" */\n  name: string | null')) },
  // Constraints
  {
    name: 'column and named table checks, added and changed',
    before: one('prices', '/** @check positive: amount > 0 */\nexport interface PriceTable {\n  amount: number\n  currency: string\n}'),
    after: one('prices', '/**\n * @check positive: amount >= 0\n * @check amount < 1000000\n */\nexport interface PriceTable {\n  amount: number\n  /** @check char_length(currency) = 3 */\n  currency: string\n}'),
  },
  {
    name: 'unique nulls not distinct',
    before: ONLY_USERS,
    after: usersWith((s) => s.replace('/** Registered users. */', '/**\n * Registered users.\n * @unique (name) nullsNotDistinct\n */')),
  },
  {
    name: 'composite foreign key, deferrable initially deferred',
    before: models(
      '  pairs: PairTable\n  links: LinkTable',
      '/** @primaryKey (a, b) */\nexport interface PairTable {\n  a: number\n  b: number\n}\nexport interface LinkTable {\n  x: number\n  y: number\n}',
    ),
    after: models(
      '  pairs: PairTable\n  links: LinkTable',
      '/** @primaryKey (a, b) */\nexport interface PairTable {\n  a: number\n  b: number\n}\n/** @foreignKey link_pair: (x, y) references pairs (a, b) onDelete set null deferrable initially deferred */\nexport interface LinkTable {\n  x: number | null\n  y: number | null\n}',
    ),
  },
  // Indexes
  {
    name: 'indexes: methods, include, nulls, unique, predicates',
    before: one('docs', 'export interface DocTable {\n  id: number\n  body: unknown\n  span: string\n  at: Date\n  slug: string\n  title: string | null\n}'),
    after: one(
      'docs',
      [
        '/**',
        ' * @index (body) using gin',
        ' * @index (span) using gist',
        ' * @index (at) using brin',
        ' * @index (slug) using hash',
        ' * @index docs_slug_covering: (slug) unique include (title, id)',
        ' * @index (title desc nulls last, id nulls first) where title is not null',
        ' * @index (lower(title)) unique nullsNotDistinct',
        ' */',
        'export interface DocTable {\n  id: number\n  body: unknown\n  /** @dbType int4range */\n  span: string\n  at: Date\n  slug: string\n  title: string | null\n}',
      ].join('\n'),
    ),
  },
  // Schemas
  {
    name: 'tables in several schemas with a cross-schema foreign key',
    before: EMPTY,
    after: models(
      `  users: UserTable\n  'audit.events': EventTable\n  'billing.invoices': InvoiceTable`,
      `${USERS}\nexport interface EventTable {\n  /** @primaryKey */\n  id: Generated<number>\n  /** @references users.id */\n  user_id: number | null\n}\nexport interface InvoiceTable {\n  /** @primaryKey @identity always */\n  id: Generated<number>\n  /** @references audit.events.id onDelete cascade */\n  event_id: number\n}`,
    ),
  },
  { name: 'table comment removed', before: ONLY_USERS, after: usersWith((s) => s.replace('/** Registered users. */\n', '')) },
  // Generation expressions dropped and added, with their dependents: `down` re-creates the column
  {
    name: 'drop a generated expression from a column with an index, a check and a referencing foreign key',
    before: models('  boxes: BoxTable\n  labels: LabelTable', `${BOXES('/** @generated width * 2 @unique @check area > 0 */')}\n${LABELS}`),
    after: models('  boxes: BoxTable\n  labels: LabelTable', `${BOXES('/** @unique @check area > 0 */')}\n${LABELS}`),
  },
  {
    name: 'make a plain column generated, with an index on it',
    before: one('boxes', BOXES('/** @index */')),
    after: one('boxes', BOXES('/** @generated width * 2 @index */')),
  },
  {
    name: 'drop a generated expression while retyping the column it used',
    before: one('boxes', BOXES('/** @generated width * 2 */')),
    after: one('boxes', BOXES('/** @dbType bigint */').replace('width: number', '/** @dbType bigint */\n  width: number')),
  },
  {
    // Found by the fuzzer: `down` re-created the generated column before the column it uses.
    name: 'drop a generated expression and the column it used',
    allowDrop: true,
    before: one('boxes', BOXES('/** @generated width * 2 */')),
    after: one('boxes', 'export interface BoxTable {\n  area: number\n}'),
  },
  {
    // Found by the fuzzer: ALTER COLUMN TYPE of a generated column takes no USING.
    name: 'set the collation of a generated column and retype another',
    before: one('boxes', BOXES('/** @generated width * 2 */').replace('width: number', 'width: number\n  /** @generated lower(label) */\n  lower_label: string\n  label: string')),
    after: one('boxes', BOXES('/** @generated width * 2\n   * @dbType bigint */').replace('width: number', 'width: number\n  /** @generated lower(label)\n   * @collate "C" */\n  lower_label: string\n  label: string')),
  },
  {
    name: 'add a generated column declared before the new column it uses',
    before: one('boxes', 'export interface BoxTable {\n  id: number\n}'),
    after: one('boxes', 'export interface BoxTable {\n  id: number\n  /** @generated width * 2 */\n  area: number\n  width: number\n}'),
  },
  // Enum to another type: through text, around the defaults
  {
    name: 'move columns from one enum to another, with defaults and arrays',
    before: one('tickets', TICKETS('Status', 'Status', "'open'"), STATUS_AND_PHASE),
    after: one('tickets', TICKETS('Status', 'Phase', "'draft'"), STATUS_AND_PHASE),
  },
  {
    name: 'an enum column to text and back',
    before: one('tickets', TICKETS('Status', 'Status', "'open'"), STATUS_AND_PHASE),
    after: one('tickets', TICKETS('Status', 'string', "'open'"), STATUS_AND_PHASE),
  },
  // Keys referenced by foreign keys of another table: the foreign key is dropped first, added after
  {
    name: 'change a unique key referenced by a foreign key',
    before: models('  codes: CodeTable\n  uses: UseTable', `${CODES('@unique (code)')}\n${USES}`),
    after: models('  codes: CodeTable\n  uses: UseTable', `${CODES('@unique (code) nullsNotDistinct')}\n${USES}`),
  },
  {
    name: 'change a unique key and drop the table whose foreign key referenced it',
    before: models('  codes: CodeTable\n  uses: UseTable', `${CODES('@unique (code)')}\n${USES}`),
    after: models('  codes: CodeTable', CODES('@unique (code) nullsNotDistinct')),
  },
  {
    name: 'widen a primary key referenced by a foreign key (a unique key keeps the reference)',
    before: USERS_AND_NOTES,
    after: models(
      '  users: UserTable\n  notes: NoteTable',
      `${USERS.replace('/** Registered users. */', '/**\n * Registered users.\n * @primaryKey (id, email)\n */').replace('/** @primaryKey */', '/** @unique */')}\n${NOTES}`,
    ),
  },
]
