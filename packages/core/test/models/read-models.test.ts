import { EMPTY_SCHEMA, type Schema, type Table } from '../../src/schema/schema.js'
import { column, ENTRY, modelProject } from './model-project.js'

const NO_CONSTRAINTS = { primaryKey: null, uniques: [], checks: [], foreignKeys: [], indexes: [], comment: null, renamedFrom: null } as const

describe('readModels on the example of DESIGN.md, split over several files', () => {
  const files = {
    [ENTRY]: `import type { AuditEventTable, NoteTable } from './tables/index.js'
import type { UserTable } from './users.js'

/** @schema reporting */
export interface DB {
  users: UserTable
  notes: NoteTable
  'audit.events': AuditEventTable
}
`,
    'models/users.ts': `import type { Generated } from 'kysely'

/** A named union of string literals is an enum. */
export type Role = 'admin' | 'member'

/** Registered users. */
export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  /** @dbType varchar(255) @unique */
  email: string
  /** Shown in the UI. */
  display_name: string | null
  role: Role
  /** @default now() */
  created_at: Generated<Date>
}
`,
    'models/tables/index.ts': `export * from './notes.js'
export { Events as AuditEventTable } from './audit'
`,
    'models/tables/notes.ts': `import type { Generated } from 'kysely'

/**
 * @index (user_id, created_at desc)
 * @index notes_title_live: (lower(title)) where deleted_at is null
 * @unique (user_id, slug)
 * @check title_not_empty: length(title) > 0
 */
export interface NoteTable {
  /** @primaryKey @dbType uuid @default gen_random_uuid() */
  id: Generated<string>
  /** @references users.id onDelete cascade */
  user_id: number
  /** @renamedFrom name */
  title: string
  slug: string
  created_at: Date
  deleted_at: Date | null
}
`,
    'models/tables/audit/index.ts': `export type Events = {
  id: bigint
  payload: unknown
}
`,
  }
  const project = modelProject(files)

  test('reads tables, enums and schemas exactly', () => {
    const users = (marker: string, symbol: string) => project.at('models/users.ts', marker, symbol)
    const notes = (marker: string, symbol: string) => project.at('models/tables/notes.ts', marker, symbol)
    const audit = (marker: string, symbol: string) => project.at('models/tables/audit/index.ts', marker, symbol)
    const expected: Schema = {
      ...EMPTY_SCHEMA,
      schemas: ['audit', 'public', 'reporting'],
      enums: [{ schema: 'public', name: 'role', values: ['admin', 'member'], comment: 'A named union of string literals is an enum.', renamedValues: [], origin: users('export type Role', 'Role') }],
      tables: [
        {
          ...NO_CONSTRAINTS,
          schema: 'public',
          name: 'users',
          columns: [
            column('id', 'integer', users('id: Generated', 'UserTable.id'), { identity: 'by default' }),
            column('email', 'varchar(255)', users('email: string', 'UserTable.email')),
            column('display_name', 'text', users('display_name', 'UserTable.display_name'), { nullable: true, comment: 'Shown in the UI.' }),
            column('role', 'role', users('role: Role', 'UserTable.role')),
            column('created_at', 'timestamp with time zone', users('created_at', 'UserTable.created_at'), { default: 'now()' }),
          ],
          primaryKey: { name: 'users_pkey', columns: ['id'], origin: users('@primaryKey', 'UserTable.id') },
          uniques: [{ name: 'users_email_key', columns: ['email'], nullsNotDistinct: false, origin: users('@unique', 'UserTable.email') }],
          comment: 'Registered users.',
          origin: users('export interface UserTable', 'UserTable'),
        },
        {
          ...NO_CONSTRAINTS,
          schema: 'public',
          name: 'notes',
          columns: [
            column('id', 'uuid', notes('id: Generated', 'NoteTable.id'), { default: 'gen_random_uuid()' }),
            column('user_id', 'integer', notes('user_id: number', 'NoteTable.user_id')),
            column('title', 'text', notes('title: string', 'NoteTable.title'), { renamedFrom: 'name' }),
            column('slug', 'text', notes('slug: string', 'NoteTable.slug')),
            column('created_at', 'timestamp with time zone', notes('created_at: Date', 'NoteTable.created_at')),
            column('deleted_at', 'timestamp with time zone', notes('deleted_at: Date', 'NoteTable.deleted_at'), { nullable: true }),
          ],
          primaryKey: { name: 'notes_pkey', columns: ['id'], origin: notes('@primaryKey', 'NoteTable.id') },
          uniques: [{ name: 'notes_user_id_slug_key', columns: ['user_id', 'slug'], nullsNotDistinct: false, origin: notes('@unique', 'NoteTable') }],
          checks: [{ name: 'title_not_empty', expression: 'length(title) > 0', origin: notes('@check', 'NoteTable') }],
          foreignKeys: [
            {
              name: 'notes_user_id_fkey',
              columns: ['user_id'],
              references: { schema: 'public', name: 'users' },
              referencedColumns: ['id'],
              onDelete: 'cascade',
              onUpdate: 'no action',
              deferrable: false,
              initiallyDeferred: false,
              origin: notes('@references', 'NoteTable.user_id'),
            },
          ],
          indexes: [
            {
              name: 'notes_user_id_created_at_idx',
              unique: false,
              method: 'btree',
              keys: [
                { kind: 'column', column: 'user_id', direction: 'asc', nulls: 'last' },
                { kind: 'column', column: 'created_at', direction: 'desc', nulls: 'first' },
              ],
              include: [],
              where: null,
              nullsNotDistinct: false,
              origin: notes('@index (user_id', 'NoteTable'),
            },
            {
              name: 'notes_title_live',
              unique: false,
              method: 'btree',
              keys: [{ kind: 'expression', expression: 'lower(title)', direction: 'asc', nulls: 'last' }],
              include: [],
              where: 'deleted_at is null',
              nullsNotDistinct: false,
              origin: notes('@index notes_title_live', 'NoteTable'),
            },
          ],
          origin: notes('export interface NoteTable', 'NoteTable'),
        },
        {
          ...NO_CONSTRAINTS,
          schema: 'audit',
          name: 'events',
          columns: [column('id', 'bigint', audit('id: bigint', 'Events.id')), column('payload', 'jsonb', audit('payload', 'Events.payload'))],
          origin: audit('export type Events', 'Events'),
        },
      ],
    }
    expect(project.read()).toEqual(expected)
  })

  test('reads another root interface and an entry path given absolutely', () => {
    const other = modelProject({
      [ENTRY]: `export interface Database { t: T }\ninterface T { a: string }\n`,
    })
    const expected: Table = { ...NO_CONSTRAINTS, schema: 'public', name: 't', columns: [column('a', 'text', other.at(ENTRY, 'a: string', 'T.a'))], origin: other.at(ENTRY, 'interface T', 'T') }
    expect(other.read({ rootInterface: 'Database' }, `${other.dir}/${ENTRY}`).tables).toEqual([expected])
  })

  test('@renamedFrom may qualify the old table name with the table\'s own schema', () => {
    const project = modelProject({ [ENTRY]: `export interface DB { 'audit.t': T }\n/** @renamedFrom audit.old_t */\ninterface T { a: string }\n` })
    expect(project.read().tables[0].renamedFrom).toBe('old_t')
  })
})

/** One column `c` of the given TypeScript type, with optional declarations around it. */
function readColumn(type: string, declarations = '', tags = '') {
  const project = modelProject({ [ENTRY]: `${declarations}\nexport interface DB { t: T }\ninterface T {\n  ${tags}\n  c: ${type}\n}\n` })
  const schema = project.read()
  const { name, type: sqlType, nullable, identity } = schema.tables[0].columns[0]
  expect(name).toBe('c')
  return { type: sqlType, nullable, identity, enums: schema.enums.map(({ origin: _, ...rest }) => rest) }
}

describe('default type mapping', () => {
  test.each([
    ['string', 'text', false],
    ['number', 'integer', false],
    ['bigint', 'bigint', false],
    ['boolean', 'boolean', false],
    ['Date', 'timestamp with time zone', false],
    ['Buffer', 'bytea', false],
    ['unknown', 'jsonb', false],
    ['{ a: number; b?: string }', 'jsonb', false],
    ['Record<string, number>', 'jsonb', false],
    ['[number, string]', 'jsonb', false],
    ['string[]', 'text[]', false],
    ['readonly number[]', 'integer[]', false],
    ['Array<boolean>', 'boolean[]', false],
    ['string[] | null', 'text[]', true],
    ['string | null', 'text', true],
    ['null | string | undefined', 'text', true],
    ['string | undefined', 'text', false],
    ['(Date | null)', 'timestamp with time zone', true],
    ['ColumnType<Date, string, never>', 'timestamp with time zone', false],
    ['ColumnType<bigint | null, bigint, bigint>', 'bigint', true],
    ['Generated<number | null>', 'integer', true],
    ['JSONColumnType<{ a: 1 } | null>', 'jsonb', true],
  ])('%s → %s (nullable: %s)', (tsType, sqlType, nullable) => {
    expect(readColumn(tsType)).toEqual({ type: sqlType, nullable, identity: null, enums: [] })
  })

  test.each([
    ['Email', 'type Email = string', 'text', false],
    ['MaybeEmail', 'type Email = string\ntype MaybeEmail = Email | null', 'text', true],
    ['Nullable<Date>', 'type Nullable<T> = T | null', 'timestamp with time zone', true],
    ['Box<number[]>', 'type Box<T = string> = T', 'integer[]', false],
    ['Box', 'type Box<T = string> = T', 'text', false],
    ['Settings', 'interface Settings { theme: string }', 'jsonb', false],
    ['Settings[]', 'type Settings = { theme: string }', 'jsonb[]', false],
  ])('alias %s → %s', (tsType, declarations, sqlType, nullable) => {
    expect(readColumn(tsType, declarations)).toEqual({ type: sqlType, nullable, identity: null, enums: [] })
  })

  test('@dbType replaces the mapped type (even an unknown one) and keeps nullability', () => {
    expect(readColumn('Foo | null', '', '/** @dbType `numeric(10, 2)` */')).toEqual({ type: 'numeric(10, 2)', nullable: true, identity: null, enums: [] })
    expect(readColumn("'a' | 'b'", '', '/** @dbType text */')).toEqual({ type: 'text', nullable: false, identity: null, enums: [] })
  })
})

describe('enums', () => {
  test.each([
    ['OrderStatus', "type OrderStatus = 'new' | 'paid'", 'order_status', { schema: 'public', name: 'order_status', values: ['new', 'paid'], comment: null, renamedValues: [] }, false],
    ['HTTPMethod[]', "type HTTPMethod = 'GET' | 'POST'", 'http_method[]', { schema: 'public', name: 'http_method', values: ['GET', 'POST'], comment: null, renamedValues: [] }, false],
    ['Kind', "/**\n * What happened.\n * @schema audit\n */\ntype Kind = 'a' | 'b' | null", 'audit.kind', { schema: 'audit', name: 'kind', values: ['a', 'b'], comment: 'What happened.', renamedValues: [] }, true],
    ['User', "type User = 'x'", '"user"', { schema: 'public', name: 'user', values: ['x'], comment: null, renamedValues: [] }, false],
  ])('%s', (tsType, declarations, sqlType, enumType, nullable) => {
    expect(readColumn(tsType, declarations)).toEqual({ type: sqlType, nullable, identity: null, enums: [enumType] })
  })

  test('an alias used by several columns and tables is one enum; unused aliases are none', () => {
    const project = modelProject({
      [ENTRY]: `import type { Role } from './roles.js'\nexport interface DB { a: A; b: B }\ninterface A { r: Role; rs: Role[] }\ninterface B { r: Role | null }\n`,
      'models/roles.ts': `export type Role = 'admin' | 'member'\nexport type Unused = 'x' | 'y'\n`,
    })
    expect(project.read().enums).toEqual([
      { schema: 'public', name: 'role', values: ['admin', 'member'], comment: null, renamedValues: [], origin: project.at('models/roles.ts', 'type Role', 'Role') },
    ])
  })

  test('@enumType declares an enum no column uses', () => {
    const project = modelProject({
      [ENTRY]: `import type { Role } from './roles.js'\nexport interface DB { a: A }\ninterface A { r: Role }\n`,
      'models/roles.ts': `export type Role = 'admin' | 'member'\n/**\n * @enumType\n * @schema audit\n */\nexport type Level = 'low' | 'high'\n`,
    })
    expect(project.read().enums.map((type) => [type.schema, type.name, type.values])).toEqual([
      ['audit', 'level', ['low', 'high']],
      ['public', 'role', ['admin', 'member']],
    ])
  })
})

describe('identity', () => {
  test.each([
    ['/** @primaryKey */', 'Generated<number>', 'by default'],
    ['/** @primaryKey */', 'GeneratedAlways<number>', 'always'],
    ['/** @primaryKey @dbType bigint */', 'Generated<string>', 'by default'],
    ['/** @primaryKey @default 1 */', 'Generated<number>', null],
    ['/** @primaryKey */', 'number', null],
    ['/** @primaryKey */', 'Generated<string>', null],
    ['', 'Generated<number>', null],
    ['/** @identity */', 'number', 'by default'],
    ['/** @identity always */', 'bigint', 'always'],
  ])('%s c: %s → %s', (tags, tsType, identity) => {
    expect(readColumn(tsType, '', tags).identity).toBe(identity)
  })

  test('a table @primaryKey (c) makes Generated<number> an identity too', () => {
    const project = modelProject({ [ENTRY]: `export interface DB { t: T }\n/** @primaryKey (id) */\ninterface T { id: Generated<number> }\n` })
    expect(project.read().tables[0].columns[0].identity).toBe('by default')
  })
})
