import type { Change, TypeColumnUse } from '../../src/diff/change.js'
import type { Domain, QualifiedName } from '../../src/schema/schema.js'
import { emitChangeCode } from '../../src/emit/kysely/emit-migration.js'
import { renderChangeSql } from '../../src/emit/sql/render-change-sql.js'
import { EVENTS, EVENT_KIND, NOTES, NOTES_TABLE, USERS, USERS_TABLE, column, enumType, expressionKey, foreignKey, index, key, table } from './fixtures.js'

interface Golden {
  readonly title: string
  readonly change: Change
  readonly sql: readonly string[]
  /** Lines of `emitChangeCode`, so a failure points at the line. */
  readonly kysely: readonly string[]
}

const MOOD: QualifiedName = { schema: 'app', name: 'Mood' }

const EMAIL: Domain = { schema: 'public', name: 'email', type: 'text', notNull: false, default: null, checks: [], origin: null }
const EMAIL_USES: readonly TypeColumnUse[] = [{ table: USERS, column: 'email', default: `'x@y'::email`, restoredDefault: `'x@y'::email`, array: false }]

const ROLE_TYPE: QualifiedName = { schema: 'public', name: 'role' }
/** `users.role` is unique, and `notes.author_role` references it. */
const AUTHOR_ROLE_USES: readonly TypeColumnUse[] = [
  { table: USERS, column: 'role', default: null, restoredDefault: null, array: false },
  { table: NOTES, column: 'author_role', default: null, restoredDefault: null, array: false },
]

const ROLE_USES: readonly TypeColumnUse[] = [
  { table: USERS, column: 'role', default: `'member'::role`, restoredDefault: `'member'::role`, array: false },
  { table: NOTES, column: 'readers', default: null, restoredDefault: null, array: true },
]

/** One row per change kind (and per path inside a kind): the exact SQL and the exact code. */
const GOLDENS: readonly Golden[] = [
  {
    title: 'createSchema',
    change: { kind: 'createSchema', schema: 'audit' },
    sql: ['create schema if not exists audit'],
    kysely: ["await db.schema.createSchema('audit').ifNotExists().execute()"],
  },
  {
    title: 'dropSchema',
    change: { kind: 'dropSchema', schema: 'audit' },
    sql: [
      "drop schema audit",
    ],
    kysely: [
      "await db.schema.dropSchema('audit').execute()",
    ],
  },
  {
    title: 'createEnum with a comment, quoted name',
    change: { kind: 'createEnum', enum: enumType(MOOD, ['ok', "it's fine"], 'How it feels.') },
    sql: [
      "create type app.\"Mood\" as enum ('ok', 'it''s fine')",
      "comment on type app.\"Mood\" is 'How it feels.'",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('app')",
      "  .createType('Mood')",
      "  .asEnum(['ok', \"it's fine\"])",
      "  .execute()",
      "",
      "await sql`comment on type app.\"Mood\" is 'How it feels.'`.execute(db)",
    ],
  },
  {
    title: 'dropEnum',
    change: { kind: 'dropEnum', enum: enumType(EVENT_KIND, ['login']) },
    sql: [
      "drop type audit.event_kind",
    ],
    kysely: [
      "// Destructive: drops enum type \"audit.event_kind\".",
      "await db.schema.withSchema('audit').dropType('event_kind').execute()",
    ],
  },
  {
    title: 'alterEnum inserting values',
    change: { kind: 'alterEnum', enum: EVENT_KIND, from: ['b', 'd'], to: ['a', 'b', 'c', 'd', 'e'], columns: [], columnsAfter: [], dependents: [], comment: null, rebuild: false },
    sql: [
      "alter type audit.event_kind add value 'a' before 'b'",
      "alter type audit.event_kind add value 'c' after 'b'",
      "alter type audit.event_kind add value 'e'",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterType('event_kind')",
      "  .addValue('a')",
      "  .before('b')",
      "  .execute()",
      "",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterType('event_kind')",
      "  .addValue('c')",
      "  .after('b')",
      "  .execute()",
      "",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterType('event_kind')",
      "  .addValue('e')",
      "  .execute()",
    ],
  },
  {
    title: 'alterEnum removing a value (rebuild)',
    change: {
      kind: 'alterEnum',
      enum: { schema: 'public', name: 'role' },
      from: ['admin', 'member', 'guest'],
      to: ['admin', 'member'],
      columns: ROLE_USES,
      columnsAfter: ROLE_USES,
      dependents: [],
      comment: 'Who may do what.',
      rebuild: false,
    },
    sql: [
      "alter type role rename to role__old",
      "create type role as enum ('admin', 'member')",
      "comment on type role is 'Who may do what.'",
      "alter table users alter column role drop default",
      "alter table users alter column role type role using role::text::role",
      "alter table users alter column role set default 'member'::role",
      "alter table notes alter column readers type role[] using readers::text[]::role[]",
      "drop type role__old",
    ],
    kysely: [
      "// Destructive: removes 'guest' from enum type \"role\"; the cast fails while rows still hold it.",
      "await db.schema.alterType('role').renameTo('role__old').execute()",
      "",
      "await db.schema.createType('role').asEnum(['admin', 'member']).execute()",
      "",
      "await sql`comment on type role is 'Who may do what.'`.execute(db)",
      "",
      "await db.schema.alterTable('users').alterColumn('role', (col) => col.dropDefault()).execute()",
      "",
      "await sql`alter table users alter column role type role using role::text::role`.execute(db)",
      "",
      "await db.schema",
      "  .alterTable('users')",
      "  .alterColumn('role', (col) => col.setDefault(sql`'member'::role`))",
      "  .execute()",
      "",
      "await sql`alter table notes alter column readers type role[] using readers::text[]::role[]`.execute(db)",
      "",
      "await db.schema.dropType('role__old').execute()",
    ],
  },
  {
    title: 'alterEnum rebuild under a foreign key and a check (dropped first, created again last)',
    change: {
      kind: 'alterEnum',
      enum: ROLE_TYPE,
      from: ['admin', 'member', 'guest'],
      to: ['admin', 'member'],
      columns: AUTHOR_ROLE_USES,
      columnsAfter: AUTHOR_ROLE_USES,
      dependents: [
        { kind: 'dropForeignKey', table: NOTES, foreignKey: foreignKey('notes_author_role_fkey', ['author_role'], USERS, ['role']) },
        { kind: 'dropCheck', table: USERS, check: { name: 'users_role_check', expression: `(role <> 'admin'::role)`, origin: null } },
      ],
      comment: null,
      rebuild: false,
    },
    sql: [
      "alter table notes drop constraint notes_author_role_fkey",
      "alter table users drop constraint users_role_check",
      "alter type role rename to role__old",
      "create type role as enum ('admin', 'member')",
      "alter table users alter column role type role using role::text::role",
      "alter table notes alter column author_role type role using author_role::text::role",
      "drop type role__old",
      "alter table users add constraint users_role_check check ((role <> 'admin'::role))",
      "alter table notes add constraint notes_author_role_fkey foreign key (author_role) references users (role)",
    ],
    kysely: [
      "// Destructive: removes 'guest' from enum type \"role\"; the cast fails while rows still hold it.",
      "// The type is rebuilt and its columns cast to the new one, which PostgreSQL cannot do under the",
      "// constraints and indexes over them: they are dropped first and created again after.",
      "await db.schema.alterTable('notes').dropConstraint('notes_author_role_fkey').execute()",
      "",
      "await db.schema.alterTable('users').dropConstraint('users_role_check').execute()",
      "",
      "await db.schema.alterType('role').renameTo('role__old').execute()",
      "",
      "await db.schema.createType('role').asEnum(['admin', 'member']).execute()",
      "",
      "await sql`alter table users alter column role type role using role::text::role`.execute(db)",
      "",
      "await sql`alter table notes alter column author_role type role using author_role::text::role`.execute(db)",
      "",
      "await db.schema.dropType('role__old').execute()",
      "",
      "await db.schema",
      "  .alterTable('users')",
      "  .addCheckConstraint('users_role_check', sql`(role <> 'admin'::role)`)",
      "  .execute()",
      "",
      "await db.schema",
      "  .alterTable('notes')",
      "  .addForeignKeyConstraint('notes_author_role_fkey', ['author_role'], 'users', ['role'])",
      "  .execute()",
    ],
  },
  {
    title: 'createTable',
    change: { kind: 'createTable', table: USERS_TABLE },
    sql: [
      "create table users (\n  id integer generated by default as identity,\n  email varchar(255) not null,\n  display_name text,\n  role role default 'member'::role not null,\n  created_at timestamptz default now() not null,\n  constraint users_pkey primary key (id),\n  constraint users_email_key unique (email)\n)",
      "comment on column users.display_name is 'Shown in the UI.'",
    ],
    kysely: [
      "await db.schema",
      "  .createTable('users')",
      "  .addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())",
      "  .addColumn('email', 'varchar(255)', (col) => col.notNull().unique())",
      "  .addColumn('display_name', 'text')",
      "  .addColumn('role', sql`role`, (col) => col.notNull().defaultTo(sql`'member'::role`))",
      "  .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))",
      "  .execute()",
      "",
      "await sql`comment on column users.display_name is 'Shown in the UI.'`.execute(db)",
    ],
  },
  {
    title: 'createTable in another schema, referencing public',
    change: { kind: 'createTable', table: table(EVENTS, [column('id', 'bigint', { nullable: false, identity: 'always' }), column('user_id', 'integer')], {
    primaryKey: { name: 'events_pkey', columns: ['id'], origin: null },
    uniques: [{ name: 'events_user_id_key', columns: ['user_id'], nullsNotDistinct: true, origin: null }],
    foreignKeys: [foreignKey('events_user_id_fkey', ['user_id'], USERS, ['id'], { onUpdate: 'restrict', deferrable: true })],
  }) },
    sql: [
      "create table audit.events (\n  id bigint generated always as identity,\n  user_id integer,\n  constraint events_pkey primary key (id),\n  constraint events_user_id_key unique nulls not distinct (user_id),\n  constraint events_user_id_fkey foreign key (user_id) references users (id) on update restrict deferrable\n)",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .createTable('events')",
      "  .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())",
      "  .addColumn('user_id', 'integer', (col) => col.unique().nullsNotDistinct())",
      "  .addForeignKeyConstraint('events_user_id_fkey', ['user_id'], 'public.users', ['id'], (constraint) => constraint.onUpdate('restrict').deferrable())",
      "  .execute()",
    ],
  },
  {
    title: 'dropTable',
    change: { kind: 'dropTable', table: NOTES_TABLE },
    sql: [
      "drop table notes",
    ],
    kysely: [
      "// Destructive: drops table \"notes\" and its data.",
      "await db.schema.dropTable('notes').execute()",
    ],
  },
  {
    title: 'addColumn',
    change: { kind: 'addColumn', table: EVENTS, column: column('seq', 'bigint', { nullable: false, identity: 'by default', comment: 'Order of arrival.' }) },
    sql: [
      "alter table audit.events add column seq bigint generated by default as identity",
      "comment on column audit.events.seq is 'Order of arrival.'",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .addColumn('seq', 'bigint', (col) => col.generatedByDefaultAsIdentity())",
      "  .execute()",
      "",
      "await sql`comment on column audit.events.seq is 'Order of arrival.'`.execute(db)",
    ],
  },
  {
    title: 'addColumn generated',
    change: { kind: 'addColumn', table: NOTES, column: column('slug_length', 'integer', { generated: 'length(slug)' }) },
    sql: [
      "alter table notes add column slug_length integer generated always as (length(slug)) stored",
    ],
    kysely: [
      "await db.schema",
      "  .alterTable('notes')",
      "  .addColumn('slug_length', 'integer', (col) => col.generatedAlwaysAs(sql`length(slug)`).stored())",
      "  .execute()",
    ],
  },
  {
    title: 'dropColumn',
    change: { kind: 'dropColumn', table: USERS, column: USERS_TABLE.columns[2] },
    sql: [
      "alter table users drop column display_name",
    ],
    kysely: [
      "// Destructive: drops column \"display_name\" of \"users\" and its data.",
      "await db.schema.alterTable('users').dropColumn('display_name').execute()",
    ],
  },
  {
    title: 'alterColumn type and default',
    change: { kind: 'alterColumn', table: USERS, from: column('score', 'text', { default: `'0'::text` }), to: column('score', 'integer', { default: '0' }), castThroughText: false },
    sql: [
      "alter table users alter column score drop default",
      "alter table users alter column score type integer using score::integer",
      "alter table users alter column score set default 0",
    ],
    kysely: [
      "// Destructive: changes column \"score\" of \"users\" from text to integer; values that do not fit fail",
      "// the cast or lose precision.",
      "await db.schema.alterTable('users').alterColumn('score', (col) => col.dropDefault()).execute()",
      "",
      "await sql`alter table users alter column score type integer using score::integer`.execute(db)",
      "",
      "await db.schema.alterTable('users').alterColumn('score', (col) => col.setDefault(sql`0`)).execute()",
    ],
  },
  {
    title: 'alterColumn widening type only',
    change: { kind: 'alterColumn', table: USERS, from: column('score', 'integer'), to: column('score', 'bigint'), castThroughText: false },
    sql: [
      "alter table users alter column score type bigint using score::bigint",
    ],
    kysely: [
      "await sql`alter table users alter column score type bigint using score::bigint`.execute(db)",
    ],
  },
  {
    title: 'alterColumn add identity',
    change: { kind: 'alterColumn', table: USERS, from: column('n', 'integer'), to: column('n', 'integer', { nullable: false, identity: 'always' }), castThroughText: false },
    sql: [
      "alter table users alter column n set not null",
      "alter table users alter column n add generated always as identity",
      "select setval(pg_get_serial_sequence('users', 'n'), greatest(max(n) + 1, 1), false) from users",
    ],
    kysely: [
      "await db.schema.alterTable('users').alterColumn('n', (col) => col.setNotNull()).execute()",
      "",
      "await sql`alter table users alter column n add generated always as identity`.execute(db)",
      "",
      "await sql`select setval(pg_get_serial_sequence('users', 'n'), greatest(max(n) + 1, 1), false) from users`.execute(db)",
    ],
  },
  {
    title: 'alterColumn drop identity',
    change: { kind: 'alterColumn', table: USERS, from: column('n', 'integer', { nullable: false, identity: 'always' }), to: column('n', 'integer'), castThroughText: false },
    sql: [
      "alter table users alter column n drop identity",
      "alter table users alter column n drop not null",
    ],
    kysely: [
      "await sql`alter table users alter column n drop identity`.execute(db)",
      "",
      "await db.schema.alterTable('users').alterColumn('n', (col) => col.dropNotNull()).execute()",
    ],
  },
  {
    title: 'dropGeneration, then set a default',
    change: { kind: 'dropGeneration', table: EVENTS, from: column('n', 'integer', { generated: 'id * 2' }), to: column('n', 'integer', { default: '0' }), castThroughText: false },
    sql: [
      "alter table audit.events alter column n drop expression",
      "alter table audit.events alter column n set default 0",
    ],
    kysely: [
      "await sql`alter table audit.events alter column n drop expression`.execute(db)",
      "",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .alterColumn('n', (col) => col.setDefault(sql`0`))",
      "  .execute()",
    ],
  },
  {
    title: 'addGeneration',
    change: { kind: 'addGeneration', table: EVENTS, from: column('n', 'integer', { comment: 'Twice the id.' }), to: column('n', 'integer', { generated: 'id * 2', comment: 'Twice the id.' }), castThroughText: false },
    sql: [
      "alter table audit.events drop column n",
      "alter table audit.events add column n integer generated always as (id * 2) stored",
      "comment on column audit.events.n is 'Twice the id.'",
    ],
    kysely: [
      "// Destructive: re-creates column \"n\" of \"audit.events\" to make it generated (PostgreSQL cannot add",
      "// an expression to a column): its values are recomputed and it moves to the end of the table.",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .dropColumn('n')",
      "  .execute()",
      "",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .addColumn('n', 'integer', (col) => col.generatedAlwaysAs(sql`id * 2`).stored())",
      "  .execute()",
      "",
      "await sql`comment on column audit.events.n is 'Twice the id.'`.execute(db)",
    ],
  },
  {
    title: 'alterColumn from an enum to another, through text, around the default',
    change: { kind: 'alterColumn', table: EVENTS, from: column('kind', 'audit.event_kind', { default: `'login'::audit.event_kind` }), to: column('kind', 'mood', { default: `'ok'::mood` }), castThroughText: true },
    sql: [
      "alter table audit.events alter column kind drop default",
      "alter table audit.events alter column kind type mood using kind::text::mood",
      "alter table audit.events alter column kind set default 'ok'::mood",
    ],
    kysely: [
      "// Destructive: changes column \"kind\" of \"audit.events\" from audit.event_kind to mood; values that",
      "// do not fit fail the cast or lose precision.",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .alterColumn('kind', (col) => col.dropDefault())",
      "  .execute()",
      "",
      "await sql`alter table audit.events alter column kind type mood using kind::text::mood`.execute(db)",
      "",
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .alterColumn('kind', (col) => col.setDefault(sql`'ok'::mood`))",
      "  .execute()",
    ],
  },
  {
    title: 'alterColumn collation',
    change: { kind: 'alterColumn', table: USERS, from: column('name', 'text'), to: column('name', 'text', { collation: '"C"' }), castThroughText: false },
    sql: [
      "alter table users alter column name type text collate \"C\" using name::text",
    ],
    kysely: [
      "await sql`alter table users alter column name type text collate \"C\" using name::text`.execute(db)",
    ],
  },
  {
    title: 'alterColumn comment',
    change: { kind: 'alterColumn', table: USERS, from: column('name', 'text', { comment: 'Old.' }), to: column('name', 'text'), castThroughText: false },
    sql: [
      "comment on column users.name is null",
    ],
    kysely: [
      "await sql`comment on column users.name is null`.execute(db)",
    ],
  },
  {
    title: 'alterDomain of another base type (rebuild)',
    change: {
      kind: 'alterDomain',
      from: EMAIL,
      to: { ...EMAIL, type: 'character varying(100)', checks: [{ name: 'has_at', expression: `VALUE LIKE '%@%'`, origin: null }] },
      columns: EMAIL_USES,
      columnsAfter: EMAIL_USES,
      dependents: [],
    },
    sql: [
      "alter domain email rename to email__old",
      "create domain email as character varying(100) constraint has_at check (VALUE LIKE '%@%')",
      "alter table users alter column email drop default",
      "alter table users alter column email type email using email::email",
      "alter table users alter column email set default 'x@y'::email",
      "drop domain email__old",
    ],
    kysely: [
      "// Destructive: changes the base type of domain \"email\" from text to character varying(100); values",
      "// of the columns using it that do not fit fail the cast or lose precision.",
      "await sql`alter domain email rename to email__old`.execute(db)",
      "",
      "await sql`create domain email as character varying(100) constraint has_at check (VALUE LIKE '%@%')`.execute(db)",
      "",
      "await db.schema.alterTable('users').alterColumn('email', (col) => col.dropDefault()).execute()",
      "",
      "await sql`alter table users alter column email type email using email::email`.execute(db)",
      "",
      "await db.schema",
      "  .alterTable('users')",
      "  .alterColumn('email', (col) => col.setDefault(sql`'x@y'::email`))",
      "  .execute()",
      "",
      "await sql`drop domain email__old`.execute(db)",
    ],
  },
  {
    title: 'addPrimaryKey',
    change: { kind: 'addPrimaryKey', table: EVENTS, primaryKey: { name: 'events_pkey', columns: ['id', 'at'], origin: null } },
    sql: [
      "alter table audit.events add constraint events_pkey primary key (id, at)",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .addPrimaryKeyConstraint('events_pkey', ['id', 'at'])",
      "  .execute()",
    ],
  },
  {
    title: 'dropPrimaryKey',
    change: { kind: 'dropPrimaryKey', table: EVENTS, primaryKey: { name: 'events_pkey', columns: ['id', 'at'], origin: null } },
    sql: [
      "alter table audit.events drop constraint events_pkey",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .dropConstraint('events_pkey')",
      "  .execute()",
    ],
  },
  {
    title: 'addUnique',
    change: { kind: 'addUnique', table: USERS, unique: { name: 'users_name_key', columns: ['first', 'last'], nullsNotDistinct: false, origin: null } },
    sql: [
      "alter table users add constraint users_name_key unique (first, last)",
    ],
    kysely: [
      "await db.schema",
      "  .alterTable('users')",
      "  .addUniqueConstraint('users_name_key', ['first', 'last'])",
      "  .execute()",
    ],
  },
  {
    title: 'dropUnique',
    change: { kind: 'dropUnique', table: USERS, unique: { name: 'users_name_key', columns: ['first', 'last'], nullsNotDistinct: false, origin: null } },
    sql: [
      "alter table users drop constraint users_name_key",
    ],
    kysely: [
      "await db.schema.alterTable('users').dropConstraint('users_name_key').execute()",
    ],
  },
  {
    title: 'addCheck',
    change: { kind: 'addCheck', table: USERS, check: { name: 'users_age_check', expression: 'age >= 0', origin: null } },
    sql: [
      "alter table users add constraint users_age_check check (age >= 0)",
    ],
    kysely: [
      "await db.schema.alterTable('users').addCheckConstraint('users_age_check', sql`age >= 0`).execute()",
    ],
  },
  {
    title: 'dropCheck',
    change: { kind: 'dropCheck', table: USERS, check: { name: 'users_age_check', expression: 'age >= 0', origin: null } },
    sql: [
      "alter table users drop constraint users_age_check",
    ],
    kysely: [
      "await db.schema.alterTable('users').dropConstraint('users_age_check').execute()",
    ],
  },
  {
    title: 'addForeignKey',
    change: { kind: 'addForeignKey', table: EVENTS, foreignKey: foreignKey('events_note_fkey', ['note_id', 'user_id'], NOTES, ['id', 'user_id'], { onDelete: 'set default', initiallyDeferred: true, deferrable: true }) },
    sql: [
      "alter table audit.events add constraint events_note_fkey foreign key (note_id, user_id) references notes (id, user_id) on delete set default deferrable initially deferred",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .addForeignKeyConstraint('events_note_fkey', ['note_id', 'user_id'], 'public.notes', ['id', 'user_id'], (constraint) => constraint.onDelete('set default').deferrable().initiallyDeferred())",
      "  .execute()",
    ],
  },
  {
    title: 'dropForeignKey',
    change: { kind: 'dropForeignKey', table: EVENTS, foreignKey: foreignKey('events_note_fkey', ['note_id'], NOTES, ['id']) },
    sql: [
      "alter table audit.events drop constraint events_note_fkey",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .alterTable('events')",
      "  .dropConstraint('events_note_fkey')",
      "  .execute()",
    ],
  },
  {
    title: 'createIndex on one column',
    change: { kind: 'createIndex', table: USERS, index: index('users_email_idx', [key('email')]) },
    sql: [
      "create index users_email_idx on users using btree (email)",
    ],
    kysely: [
      "await db.schema",
      "  .createIndex('users_email_idx')",
      "  .on('users')",
      "  .column('email')",
      "  .execute()",
    ],
  },
  {
    title: 'createIndex with expression, where, nulls not distinct',
    change: { kind: 'createIndex', table: EVENTS, index: index('events_lower_idx', [expressionKey('lower(kind::text)', 'desc'), key('at')], { unique: true, nullsNotDistinct: true, where: 'at > now()' }) },
    sql: [
      "create unique index events_lower_idx on audit.events using btree ((lower(kind::text)) desc, at) nulls not distinct where at > now()",
    ],
    kysely: [
      "await db.schema",
      "  .withSchema('audit')",
      "  .createIndex('events_lower_idx')",
      "  .on('events')",
      "  .unique()",
      "  .expression(sql`(lower(kind::text)) desc`)",
      "  .column('at')",
      "  .nullsNotDistinct()",
      "  .where(sql<boolean>`at > now()`)",
      "  .execute()",
    ],
  },
  {
    title: 'createIndex with nulls ordering Kysely would cut',
    change: { kind: 'createIndex', table: USERS, index: index('users_seen_idx', [key('seen_at', 'desc', 'last'), key('id', 'asc', 'first')], {}) },
    sql: [
      "create index users_seen_idx on users using btree (seen_at desc nulls last, id nulls first)",
    ],
    kysely: [
      "await db.schema",
      "  .createIndex('users_seen_idx')",
      "  .on('users')",
      "  .expression(sql`seen_at desc nulls last`)",
      "  .expression(sql`id nulls first`)",
      "  .execute()",
    ],
  },
  {
    title: 'createIndex with include',
    change: { kind: 'createIndex', table: USERS, index: index('users_email_inc', [key('email')], { include: ['id', 'role'] }) },
    sql: [
      "create index users_email_inc on users using btree (email) include (id, role)",
    ],
    kysely: [
      "await sql`create index users_email_inc on users using btree (email) include (id, role)`.execute(db)",
    ],
  },
  {
    title: 'dropIndex',
    change: { kind: 'dropIndex', table: EVENTS, index: index('events_lower_idx', [key('at')]) },
    sql: [
      "drop index audit.events_lower_idx",
    ],
    kysely: [
      "await db.schema.withSchema('audit').dropIndex('events_lower_idx').execute()",
    ],
  },
  {
    title: 'setTableComment',
    change: { kind: 'setTableComment', table: EVENTS, from: null, to: `Who did what, when.\nKept for a year.` },
    sql: [
      "comment on table audit.events is 'Who did what, when.\nKept for a year.'",
    ],
    kysely: [
      "await sql`comment on table audit.events is 'Who did what, when.",
      "Kept for a year.'`.execute(db)",
    ],
  },
  {
    title: 'setTableComment to null',
    change: { kind: 'setTableComment', table: USERS, from: 'x', to: null },
    sql: [
      "comment on table users is null",
    ],
    kysely: [
      "await sql`comment on table users is null`.execute(db)",
    ],
  },

  {
    title: 'renameTable',
    change: { kind: 'renameTable', schema: 'audit', from: 'events', to: 'audit_events' },
    sql: ['alter table audit.events rename to audit_events'],
    kysely: ["await db.schema", "  .withSchema('audit')", "  .alterTable('events')", "  .renameTo('audit_events')", "  .execute()"],
  },
  {
    title: 'renameColumn',
    change: { kind: 'renameColumn', table: USERS, from: 'display_name', to: 'name' },
    sql: ['alter table users rename column display_name to name'],
    kysely: ["await db.schema.alterTable('users').renameColumn('display_name', 'name').execute()"],
  },
  {
    title: 'renameConstraint',
    change: { kind: 'renameConstraint', table: USERS, from: 'users_email_key', to: 'users_mail_key' },
    sql: ['alter table users rename constraint users_email_key to users_mail_key'],
    kysely: ["await db.schema.alterTable('users').renameConstraint('users_email_key', 'users_mail_key').execute()"],
  },
  {
    title: 'renameIndex',
    change: { kind: 'renameIndex', table: EVENTS, from: 'events_at_idx', to: 'audit_events_at_idx' },
    sql: ['alter index audit.events_at_idx rename to audit_events_at_idx'],
    kysely: ['await sql`alter index audit.events_at_idx rename to audit_events_at_idx`.execute(db)'],
  },
  {
    title: 'renameEnumValue',
    change: { kind: 'renameEnumValue', enum: EVENT_KIND, from: 'login', to: "log'in" },
    sql: ["alter type audit.event_kind rename value 'login' to 'log''in'"],
    kysely: ["await sql`alter type audit.event_kind rename value 'login' to 'log''in'`.execute(db)"],
  },
  {
    title: 'setEnumComment',
    change: { kind: 'setEnumComment', enum: EVENT_KIND, from: null, to: 'What happened.' },
    sql: ["comment on type audit.event_kind is 'What happened.'"],
    kysely: ["await sql`comment on type audit.event_kind is 'What happened.'`.execute(db)"],
  },
]

test.each(GOLDENS)('$title', ({ change, sql, kysely }) => {
  expect(renderChangeSql(change)).toEqual(sql)
  expect(emitChangeCode(change).split('\n')).toEqual(kysely)
})
