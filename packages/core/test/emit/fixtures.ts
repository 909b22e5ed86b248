import type { Change, TypeColumnUse } from '../../src/diff/change.js'
import { invertChange } from '../../src/diff/invert-change.js'
import { column as baseColumn, table as baseTable } from '../support/schema-builders.js'
import type { Column, EnumType, ForeignKey, Index, IndexKey, QualifiedName, Table } from '../../src/schema/schema.js'

/** Small constructors so the fixtures below read like the schema they describe (columns nullable by default). */
export function column(name: string, type: string, options: Partial<Column> = {}): Column {
  return baseColumn(name, type, { nullable: true, ...options })
}

export function table(name: QualifiedName, columns: readonly Column[], options: Partial<Table> = {}): Table {
  return baseTable(`${name.schema}.${name.name}`, columns, options)
}

export function enumType(name: QualifiedName, values: readonly string[], comment: string | null = null): EnumType {
  return { ...name, values, comment, renamedValues: [], origin: null }
}

export function foreignKey(name: string, columns: readonly string[], references: QualifiedName, referencedColumns: readonly string[], options: Partial<ForeignKey> = {}): ForeignKey {
  return { name, columns, references, referencedColumns, onDelete: 'no action', onUpdate: 'no action', deferrable: false, initiallyDeferred: false, origin: null, ...options }
}

export function index(name: string, keys: readonly IndexKey[], options: Partial<Index> = {}): Index {
  return { name, unique: false, method: 'btree', keys, include: [], where: null, nullsNotDistinct: false, origin: null, ...options }
}

export function key(columnName: string, direction: 'asc' | 'desc' = 'asc', nulls?: 'first' | 'last'): IndexKey {
  return { kind: 'column', column: columnName, direction, nulls: nulls ?? (direction === 'asc' ? 'last' : 'first') }
}

export function expressionKey(expression: string, direction: 'asc' | 'desc' = 'asc', nulls?: 'first' | 'last'): IndexKey {
  return { kind: 'expression', expression, direction, nulls: nulls ?? (direction === 'asc' ? 'last' : 'first') }
}

/** The exact inverse of `up`, in reverse order: what a migration's `down` runs. */
export function downOf(up: readonly Change[]): readonly Change[] {
  return [...up].reverse().map(invertChange)
}

export const USERS: QualifiedName = { schema: 'public', name: 'users' }
export const NOTES: QualifiedName = { schema: 'public', name: 'notes' }
export const EVENTS: QualifiedName = { schema: 'audit', name: 'events' }
export const ROLE: QualifiedName = { schema: 'public', name: 'role' }
export const EVENT_KIND: QualifiedName = { schema: 'audit', name: 'event_kind' }
export const SEVERITY: QualifiedName = { schema: 'audit', name: 'severity' }

export const USERS_TABLE: Table = table(
  USERS,
  [
    column('id', 'integer', { nullable: false, identity: 'by default' }),
    column('email', 'varchar(255)', { nullable: false }),
    column('display_name', 'text', { comment: 'Shown in the UI.' }),
    column('role', 'role', { nullable: false, default: `'member'::role` }),
    column('created_at', 'timestamptz', { nullable: false, default: 'now()' }),
  ],
  {
    primaryKey: { name: 'users_pkey', columns: ['id'], origin: null },
    uniques: [{ name: 'users_email_key', columns: ['email'], nullsNotDistinct: false, origin: null }],
  },
)

export const NOTES_TABLE: Table = table(
  NOTES,
  [
    column('id', 'uuid', { nullable: false, default: 'gen_random_uuid()' }),
    column('user_id', 'integer', { nullable: false }),
    column('title', 'text', { nullable: false, collation: '"C"' }),
    column('slug', 'text', { nullable: false }),
    column('tags', 'text[]', { nullable: false, default: `'{}'::text[]` }),
    column('price', 'numeric(12,2)'),
    column('title_length', 'integer', { generated: 'length(title)' }),
    column('deleted_at', 'timestamptz'),
  ],
  {
    primaryKey: { name: 'notes_pkey', columns: ['id'], origin: null },
    uniques: [{ name: 'notes_user_id_slug_key', columns: ['user_id', 'slug'], nullsNotDistinct: false, origin: null }],
    checks: [{ name: 'title_not_empty', expression: 'length(title) > 0', origin: null }],
    foreignKeys: [foreignKey('notes_user_id_fkey', ['user_id'], USERS, ['id'], { onDelete: 'cascade' })],
  },
)

export const EVENTS_TABLE: Table = table(
  EVENTS,
  [
    column('id', 'bigint', { nullable: false, identity: 'always' }),
    column('user_id', 'integer'),
    column('kind', 'audit.event_kind', { nullable: false }),
    column('kinds', 'audit.event_kind[]', { nullable: false, default: `'{}'::audit.event_kind[]` }),
    column('payload', 'jsonb', { nullable: false }),
    column('at', 'timestamptz', { nullable: false, default: 'now()' }),
  ],
  {
    primaryKey: { name: 'events_primary', columns: ['id', 'at'], origin: null },
    foreignKeys: [
      foreignKey('events_user_id_fkey', ['user_id'], USERS, ['id'], { onDelete: 'set null', deferrable: true, initiallyDeferred: true }),
    ],
  },
)

export const NOTES_USER_INDEX: Index = index('notes_user_id_deleted_at_idx', [key('user_id'), key('deleted_at', 'desc')])
export const NOTES_TITLE_INDEX: Index = index('notes_title_live', [expressionKey('lower(title)')], { unique: true, where: 'deleted_at IS NULL' })
export const EVENTS_PAYLOAD_INDEX: Index = index('events_payload_idx', [key('payload')], { method: 'gin' })
export const EVENTS_USER_INDEX: Index = index('events_user_id_at_idx', [key('user_id'), key('at', 'desc', 'last')], { include: ['kind'] })

/** A first migration: two schemas' worth of enums, tables with keys, indexes and comments. */
export const INIT_UP: readonly Change[] = [
  { kind: 'createSchema', schema: 'audit' },
  { kind: 'createEnum', enum: enumType(ROLE, ['admin', 'member']) },
  { kind: 'createEnum', enum: enumType(EVENT_KIND, ['login', 'logout', 'purge']) },
  // Not rebuilt by any scenario: a rebuild loses the comment (AlterEnumChange does not carry it).
  { kind: 'createEnum', enum: enumType(SEVERITY, ['info', 'warning'], `How loud an event is: 'info' or 'warning'.`) },
  { kind: 'createTable', table: USERS_TABLE },
  { kind: 'createTable', table: NOTES_TABLE },
  { kind: 'createTable', table: EVENTS_TABLE },
  { kind: 'createIndex', table: NOTES, index: NOTES_USER_INDEX },
  { kind: 'createIndex', table: NOTES, index: NOTES_TITLE_INDEX },
  { kind: 'createIndex', table: EVENTS, index: EVENTS_PAYLOAD_INDEX },
  { kind: 'createIndex', table: EVENTS, index: EVENTS_USER_INDEX },
  { kind: 'setTableComment', table: USERS, from: null, to: `Registered users (it's them).` },
]

const ROLE_USES: readonly TypeColumnUse[] = [{ table: USERS, column: 'role', default: `'member'::role`, restoredDefault: `'member'::role`, array: false }]

/** Changes to the initial schema: every ALTER path, run after `INIT_UP`. */
export const ALTER_UP: readonly Change[] = [
  { kind: 'alterEnum', enum: ROLE, from: ['admin', 'member'], to: ['owner', 'admin', 'editor', 'member', 'guest'], columns: ROLE_USES, columnsAfter: ROLE_USES, dependents: [], comment: null, rebuild: false },
  { kind: 'addColumn', table: USERS, column: column('bio', 'text', { nullable: false, default: `''::text`, comment: 'About me.' }) },
  { kind: 'addColumn', table: NOTES, column: column('parent_id', 'uuid') },
  {
    kind: 'alterColumn',
    table: USERS,
    from: USERS_TABLE.columns[1],
    to: column('email', 'text', { nullable: false, comment: 'Login name.' }),
    castThroughText: false,
  },
  { kind: 'alterColumn', table: USERS, from: USERS_TABLE.columns[0], to: column('id', 'integer', { nullable: false, identity: 'always' }), castThroughText: false },
  {
    kind: 'alterColumn',
    table: USERS,
    from: USERS_TABLE.columns[2],
    to: column('display_name', 'text', { nullable: false }),
    castThroughText: false,
  },
  { kind: 'alterColumn', table: NOTES, from: NOTES_TABLE.columns[5], to: column('price', 'integer', { nullable: false, default: '0' }), castThroughText: false },
  { kind: 'alterColumn', table: NOTES, from: NOTES_TABLE.columns[3], to: column('slug', 'text', { nullable: false, collation: '"C"' }), castThroughText: false },
  { kind: 'dropPrimaryKey', table: EVENTS, primaryKey: EVENTS_TABLE.primaryKey! },
  { kind: 'addPrimaryKey', table: EVENTS, primaryKey: { name: 'events_pkey', columns: ['id'], origin: null } },
  { kind: 'addUnique', table: USERS, unique: { name: 'users_display_name_key', columns: ['display_name'], nullsNotDistinct: true, origin: null } },
  { kind: 'addCheck', table: USERS, check: { name: 'email_not_empty', expression: `email <> ''::text`, origin: null } },
  { kind: 'addForeignKey', table: NOTES, foreignKey: foreignKey('notes_parent_id_fkey', ['parent_id'], NOTES, ['id'], { onDelete: 'set null', onUpdate: 'cascade' }) },
  { kind: 'dropIndex', table: NOTES, index: NOTES_USER_INDEX },
  { kind: 'createIndex', table: NOTES, index: index('notes_user_id_deleted_at_idx', [key('user_id'), key('deleted_at', 'desc', 'last')]) },
  { kind: 'setTableComment', table: USERS, from: `Registered users (it's them).`, to: 'Registered users; see `docs/users.md` and ${HOME}.' },
]

/** The columns typed with `audit.event_kind` when it is rebuilt. */
const EVENT_KIND_USES: readonly TypeColumnUse[] = [
  { table: EVENTS, column: 'kind', default: null, restoredDefault: null, array: false },
  { table: EVENTS, column: 'kinds', default: `'{}'::audit.event_kind[]`, restoredDefault: `'{}'::audit.event_kind[]`, array: true },
]

/** Dropping things from the initial schema, run after `INIT_UP`. */
export const DROP_UP: readonly Change[] = [
  { kind: 'dropIndex', table: NOTES, index: NOTES_USER_INDEX },
  { kind: 'dropIndex', table: NOTES, index: NOTES_TITLE_INDEX },
  { kind: 'dropTable', table: NOTES_TABLE },
  { kind: 'dropColumn', table: USERS, column: USERS_TABLE.columns[2] },
  { kind: 'dropColumn', table: USERS, column: USERS_TABLE.columns[3] },
  { kind: 'dropEnum', enum: enumType(ROLE, ['admin', 'member']) },
  { kind: 'dropIndex', table: EVENTS, index: EVENTS_USER_INDEX },
  {
    kind: 'alterEnum',
    enum: EVENT_KIND,
    from: ['login', 'logout', 'purge'],
    to: ['login', 'logout'],
    columns: EVENT_KIND_USES,
    columnsAfter: EVENT_KIND_USES,
    dependents: [],
    comment: null,
    rebuild: false,
  },
]

const AUDIT_LOG: QualifiedName = { schema: 'public', name: 'Audit Log' }

/** Less common paths, run after `INIT_UP`: quoted names, identity, enum reorder, nulls ordering. */
export const EDGE_UP: readonly Change[] = [
  {
    kind: 'createTable',
    table: table(AUDIT_LOG, [column('order', 'integer', { nullable: false }), column('Note', 'text')], {
      primaryKey: { name: 'Audit Log_pkey', columns: ['order'], origin: null },
    }),
  },
  {
    kind: 'createIndex',
    table: AUDIT_LOG,
    index: index('Audit Log_order_Note_idx', [key('order', 'asc', 'first'), key('Note', 'desc', 'last')], { unique: true, nullsNotDistinct: true }),
  },
  { kind: 'alterColumn', table: NOTES, from: NOTES_TABLE.columns[5], to: column('price', 'bigint', { nullable: false, identity: 'by default' }), castThroughText: false },
  { kind: 'alterColumn', table: USERS, from: USERS_TABLE.columns[4], to: column('created_at', 'timestamptz', { nullable: false, default: 'statement_timestamp()' }), castThroughText: false },
  {
    kind: 'alterEnum',
    enum: EVENT_KIND,
    from: ['login', 'logout', 'purge'],
    to: ['purge', 'login', 'logout'],
    columns: EVENT_KIND_USES,
    columnsAfter: EVENT_KIND_USES,
    dependents: [],
    comment: null,
    rebuild: false,
  },
]
