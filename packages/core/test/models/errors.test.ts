import { ModelError, UserError } from '../../src/errors.js'
import { ENTRY, errorOf, modelProject } from './model-project.js'

/** The root `DB { t: T }` on line 1, then `lines` from line 2 on. */
function tableFile(...lines: readonly string[]): Record<string, string> {
  return { [ENTRY]: ['export interface DB { t: T }', ...lines].join('\n') }
}

test.each<[string, Record<string, string>, string]>([
  [
    'syntax error in an imported file',
    { [ENTRY]: "import type { T } from './t.js'\nexport interface DB { t: T }\n", 'models/t.ts': 'export interface T {\n  a: number\n  b: \n}\n' },
    'models/t.ts:4: syntax error: Type expected.',
  ],
  ['missing root interface', { [ENTRY]: 'export interface Db { t: T }\n' }, 'models/index.ts:1: no interface "DB" (the root interface whose keys are the tables)'],
  ['missing imported file', { [ENTRY]: "import type { T } from './nope.js'\nexport interface DB { t: T }\n" }, 'models/index.ts:1: cannot find the model file imported as "./nope.js"'],
  ['table type not found', { [ENTRY]: 'export interface DB {\n  t: Missing\n}\n' }, 'models/index.ts:2: DB.t: cannot find the table type "Missing" (declare it in this file or import it from a relative file)'],
  ['table type that is not an object', tableFile('type T = string'), 'models/index.ts:2: T: must be an interface or an object literal type'],
  ['duplicate table', { [ENTRY]: "export interface DB { t: T; 'public.t': T }\ninterface T { a: number }\n" }, 'models/index.ts:2: T: table "public.t" is declared twice in the root interface'],
  ['unknown type', tableFile('interface T {', '  age: Foo', '}'), 'models/index.ts:3: T.age: unknown type "Foo" (use @dbType to give its SQL type)'],
  [
    'inline union of string literals',
    tableFile('interface T {', "  role: 'a' | 'b' | null", '}'),
    "models/index.ts:3: T.role: a union of string literals has no SQL type unless it is named: declare `export type Name = 'a' | 'b' | null` to make it an enum, or use @dbType",
  ],
  ['union of several types', tableFile('interface T {', '  v: string | number', '}'), 'models/index.ts:3: T.v: union type "string | number" has no single SQL type (use @dbType to give its SQL type)'],
  ['member that is not a property', tableFile('interface T {', '  a: number', '  f(): void', '}'), 'models/index.ts:4: T: only properties are allowed here, found "f(): void"'],
  ['duplicate column', tableFile('interface T {', '  a: number', "  'a': string", '}'), 'models/index.ts:4: T.a: duplicate column "a"'],
  ['unknown column tag', tableFile('interface T {', '  /** @foo bar */', '  a: number', '}'), 'models/index.ts:3: T.a: @foo is not a known tag here'],
  ['a tag TypeScript would swallow', tableFile('interface T {', '  /**', '   * @type text', '   */', '  a: number', '}'), 'models/index.ts:4: T.a: @type is not a known tag here'],
  ['a malformed @extension', { [ENTRY]: '/** @extension citext pg_trgm */\nexport interface DB { t: T }\ninterface T { a: number }\n' }, 'models/index.ts:1: DB: @extension needs one extension name, found "citext pg_trgm"'],
  ['a malformed @sequence', { [ENTRY]: '/** @sequence s start x */\nexport interface DB { t: T }\ninterface T { a: number }\n' }, 'models/index.ts:1: DB: @sequence: expected an integer, got "x"'],
  [
    '@renamedFrom naming a table of another schema',
    { [ENTRY]: "export interface DB { 'audit.t': T }\n/** @renamedFrom other.t */\ninterface T { a: number }\n" },
    'models/index.ts:2: T: @renamedFrom: moving a table to another schema (other.t → audit.t) is not supported; move it by hand in a blank migration (migrate revision) with ALTER TABLE ... SET SCHEMA',
  ],
  ['@enumType on what is no union of strings', tableFile('/** @enumType */', 'type Level = number', 'interface T { a: number }'), 'models/index.ts:2: Level: @enumType needs a union of string literals'],
  ['@enumType with text', tableFile('/** @enumType level */', "type Level = 'low'", 'interface T { a: number }'), 'models/index.ts:2: Level: @enumType takes no text, found "level"'],
  ['a @domain without a type', tableFile('/** @domain not null */', 'type Email = string', 'interface T {', '  e: Email', '}'), 'models/index.ts:2: Email: @domain: needs a base type'],
  ['a column tag twice', tableFile('interface T {', '  /** @default 1 @default 2 */', '  a: number', '}'), 'models/index.ts:3: T.a: @default is given more than once'],
  ['a tag without its text', tableFile('interface T {', '  /** @dbType */', '  a: number', '}'), 'models/index.ts:3: T.a: @dbType needs an SQL type'],
  ['@identity with a default', tableFile('interface T {', '  /** @identity @default 1 */', '  a: number', '}'), 'models/index.ts:4: T.a: @identity and @default exclude each other'],
  ['@identity nullable', tableFile('interface T {', '  /** @identity */', '  a: number | null', '}'), 'models/index.ts:4: T.a: an identity column cannot be nullable (remove "| null")'],
  ['@identity with other text', tableFile('interface T {', '  /** @identity sometimes */', '  a: number', '}'), 'models/index.ts:3: T.a: @identity: expected nothing or "always", found "sometimes"'],
  ['nullable primary key', tableFile('interface T {', '  /** @primaryKey */', '  a: number | null', '}'), 'models/index.ts:4: T.a: a primary key column cannot be nullable (remove "| null")'],
  [
    'two primary keys',
    tableFile('/** @primaryKey (a, b) */', 'interface T {', '  /** @primaryKey */', '  a: number', '  b: number', '}'),
    'models/index.ts:2: T: a table has one primary key: list its columns in one @primaryKey (a, b) on the table',
  ],
  ['malformed @foreignKey', tableFile('/** @foreignKey (a) other (id) */', 'interface T { a: number }'), 'models/index.ts:2: T: @foreignKey: expected "references", found "other"'],
  ['malformed @references', tableFile('interface T {', '  /** @references other */', '  a: number', '}'), 'models/index.ts:3: T.a: @references: expected <table>.<column> or <schema>.<table>.<column>, got "other"'],
  ['bad foreign key action', tableFile('interface T {', '  /** @references t.a onDelete explode */', '  a: number', '}'), 'models/index.ts:3: T.a: @references: expected cascade, restrict, set null, set default or no action, found "explode"'],
  ['unbalanced parentheses', tableFile('/** @index (lower(a) */', 'interface T { a: string }'), 'models/index.ts:2: T: @index: unbalanced parentheses'],
  [
    'index key with an operator class',
    tableFile('/** @index (a gin_trgm_ops) using gin */', 'interface T { a: string }'),
    'models/index.ts:2: T: @index: index key "a gin_trgm_ops" must be a column, a function call or an expression in parentheses (operator classes and collations are not supported yet)',
  ],
  ['trailing words', tableFile('/** @unique (a) sometimes */', 'interface T { a: string }'), 'models/index.ts:2: T: @unique: unexpected "sometimes"'],
  ['@references to a missing table', tableFile('interface T {', '  /** @references users.id */', '  a: number', '}'), 'models/index.ts:3: T.a: @references: no table "users" in DB'],
  ['@references to a missing column', tableFile('interface T {', '  /** @references t.b */', '  a: number', '}'), 'models/index.ts:3: T.a: @references: no column "b" in t'],
  ['@foreignKey from a missing column', tableFile('/** @foreignKey (b) references t (a) */', 'interface T { a: number }'), 'models/index.ts:2: T: @foreignKey: no column "b" in T'],
  ['@foreignKey with unequal lists', tableFile('/** @foreignKey (a) references t (a, a) */', 'interface T { a: number }'), 'models/index.ts:2: T: @foreignKey: lists 1 column(s) but references 2'],
  ['@primaryKey on a missing column', tableFile('/** @primaryKey (id) */', 'interface T { a: number }'), 'models/index.ts:2: T: @primaryKey: no column "id" in T'],
  ['@unique on a missing column', tableFile('/** @unique (a, b) */', 'interface T { a: number }'), 'models/index.ts:2: T: @unique: no column "b" in T'],
  ['@index on a missing column', tableFile('/** @index (lower(a), b) */', 'interface T { a: string }'), 'models/index.ts:2: T: @index: no column "b" in T'],
  ['@index including a missing column', tableFile('/** @index (a) include (c) */', 'interface T { a: string }'), 'models/index.ts:2: T: @index: no column "c" in T'],
  ['explicit index name taken', tableFile('/**', ' * @index t: (a)', ' */', 'interface T { a: string }'), 'models/index.ts:3: T: the name "t" is already used by a table or index in schema "public"'],
  [
    'explicit constraint name taken',
    tableFile('/**', ' * @check c: a > 0', ' * @foreignKey c: (a) references t (a)', ' */', 'interface T { a: number }'),
    'models/index.ts:4: T: the name "c" is already used by another constraint of this table',
  ],
  [
    'two aliases for one enum',
    { [ENTRY]: "import type { Role as R2 } from './other.js'\nexport interface DB { t: T }\ntype Role = 'a'\ninterface T { a: Role; b: R2 }\n", 'models/other.ts': "export type Role = 'b'\n" },
    'models/other.ts:1: Role: enum "public.role" is already declared by Role at models/index.ts:3',
  ],
])('%s', (_title, files, message) => {
  expect(errorOf(files)).toBe(message)
})

test('errors are ModelErrors with file and line; a missing entry file is a UserError', () => {
  const project = modelProject(tableFile('interface T { a: Foo }'))
  expect(() => project.read()).toThrow(ModelError)
  expect(() => project.read()).toThrow(expect.objectContaining({ file: 'models/index.ts', line: 2 }))
  expect(() => project.read({}, 'models/missing.ts')).toThrow(UserError)
  expect(() => project.read({}, 'models/missing.ts')).toThrow('models file not found: models/missing.ts')
})
