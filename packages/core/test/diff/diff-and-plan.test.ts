import type { Change } from '../../src/diff/change.js'
import { diffSchemas } from '../../src/diff/diff-schemas.js'
import { invertChange } from '../../src/diff/invert-change.js'
import { planChanges } from '../../src/plan/plan-changes.js'
import type { Schema } from '../../src/schema/schema.js'
import { column, foreignKey, schema, table } from '../support/schema-builders.js'

const id = column('id', 'integer', { identity: 'by default' })
const users = table('users', [id, column('email', 'text')], { primaryKey: { name: 'users_pkey', columns: ['id'], origin: null } })
const notes = table('notes', [id, column('user_id', 'integer')], {
  primaryKey: { name: 'notes_pkey', columns: ['id'], origin: null },
  foreignKeys: [foreignKey('notes_user_id_fkey', ['user_id'], 'users', ['id'])],
  indexes: [
    {
      name: 'notes_user_id_idx',
      unique: false,
      method: 'btree',
      keys: [{ kind: 'column', column: 'user_id', direction: 'asc', nulls: 'last' }],
      include: [],
      where: null,
      nullsNotDistinct: false,
      origin: null,
    },
  ],
  comment: 'Notes.',
})

/** What a planned change list looks like at a glance: kind and the object it touches. */
function outline(changes: readonly Change[]): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'createTable':
      case 'dropTable':
        return `${change.kind} ${change.table.name} fks=${change.table.foreignKeys.map((fk) => fk.name).join(',')}`
      case 'createIndex':
      case 'dropIndex':
        return `${change.kind} ${change.index.name}`
      case 'addForeignKey':
      case 'dropForeignKey':
        return `${change.kind} ${change.foreignKey.name}`
      case 'addColumn':
      case 'dropColumn':
        return `${change.kind} ${change.table.name}.${change.column.name}`
      case 'alterColumn':
        return `${change.kind} ${change.table.name}.${change.to.name}`
      case 'createEnum':
      case 'dropEnum':
        return `${change.kind} ${change.enum.name}`
      case 'alterEnum':
        return `${change.kind} ${change.enum.name} columns=${change.columns.map((use) => `${use.table.name}.${use.column}`).join(',')} dependents=${change.dependents.map((dependent) => dependent.kind).join(',')}`
      default:
        return change.kind
    }
  })
}

const role = { schema: 'public', name: 'role', values: ['admin', 'member'], comment: null, renamedValues: [], origin: null }

/** `moods` keyed by a role, `entries` referencing it with a check comparing with a value. */
const moods = table('moods', [column('mood', 'role')], { primaryKey: { name: 'moods_pkey', columns: ['mood'], origin: null } })
const entries = (check: string) =>
  table('entries', [column('mood', 'role'), column('n', 'integer')], {
    foreignKeys: [foreignKey('entries_mood_fkey', ['mood'], 'moods', ['mood'])],
    checks: [{ name: 'entries_mood_check', expression: check, origin: null }],
  })

const CASES: readonly { name: string; from: Schema; to: Schema; up: string[] }[] = [
  { name: 'no changes', from: schema([users, notes]), to: schema([users, notes]), up: [] },
  {
    name: 'create tables referenced first, with indexes and comments after',
    from: schema([]),
    to: schema([notes, users]),
    up: ['createTable users fks=', 'createTable notes fks=notes_user_id_fkey', 'setTableComment', 'createIndex notes_user_id_idx'],
  },
  {
    name: 'drop tables referencing first',
    from: schema([users, notes]),
    to: schema([]),
    up: ['dropTable notes fks=notes_user_id_fkey', 'dropTable users fks='],
  },
  {
    name: 'a foreign-key cycle is closed after both tables exist',
    from: schema([]),
    to: schema([
      table('a', [id, column('b_id', 'integer')], { foreignKeys: [foreignKey('a_b_id_fkey', ['b_id'], 'b', ['id'])] }),
      table('b', [id, column('a_id', 'integer')], { foreignKeys: [foreignKey('b_a_id_fkey', ['a_id'], 'a', ['id'])] }),
    ]),
    up: ['createTable b fks=', 'createTable a fks=a_b_id_fkey', 'addForeignKey b_a_id_fkey'],
  },
  {
    name: 'enums before tables that use them, dropped after',
    from: schema([table('old', [column('r', 'role')])], { enums: [role] }),
    to: schema([table('new', [column('k', 'kind')])], { enums: [{ ...role, name: 'kind' }] }),
    up: ['createEnum kind', 'dropTable old fks=', 'createTable new fks=', 'dropEnum role'],
  },
  {
    // The changed check and the dropped table are gone before the rebuild, which carries the
    // foreign key and the key it keeps; the created table comes after it.
    name: 'an enum rebuilt between the drops and the creates, around the dependents it keeps',
    from: schema([moods, entries(`(mood <> 'member'::role)`), table('archive', [column('mood', 'role')])], { enums: [{ ...role, values: ['admin', 'member', 'guest'] }] }),
    to: schema([moods, entries(`(mood <> 'admin'::role)`), table('fresh', [column('mood', 'role')])], { enums: [role] }),
    up: [
      'dropCheck',
      'dropTable archive fks=',
      'alterEnum role columns=moods.mood,entries.mood dependents=dropForeignKey,dropPrimaryKey',
      'createTable fresh fks=',
      'addCheck',
    ],
  },
  {
    name: 'column add, alter, drop; changed index is dropped then created',
    from: schema([users, notes]),
    to: schema([
      table('users', [id, column('email', 'character varying(255)'), column('name', 'text', { nullable: true })], { primaryKey: users.primaryKey }),
      { ...notes, columns: [id], foreignKeys: [], indexes: [{ ...notes.indexes[0], keys: [{ kind: 'column', column: 'id', direction: 'desc', nulls: 'first' }] }] },
    ]),
    up: [
      'dropForeignKey notes_user_id_fkey',
      'dropIndex notes_user_id_idx',
      'dropColumn notes.user_id',
      'alterColumn users.email',
      'addColumn users.name',
      'createIndex notes_user_id_idx',
    ],
  },
]

describe('diff then plan', () => {
  test.each(CASES)('$name', ({ from, to, up }) => {
    expect(outline(planChanges(diffSchemas(from, to)))).toEqual(up)
  })

  test.each(CASES)('$name: the inverse plan equals the plan of the reverse diff', ({ from, to }) => {
    const inverse = planChanges(diffSchemas(from, to).map(invertChange))
    expect(outline(inverse)).toEqual(outline(planChanges(diffSchemas(to, from))))
  })
})
