import type { Column, ForeignKey, Index, Table } from '../../src/schema/schema.js'
import { column, ENTRY, modelProject, type ModelProject } from './model-project.js'
import { table } from '../support/schema-builders.js'

/**
 * One table `t` (columns a, b, c) next to a table `other` (id, k) and `audit.log` (id), with the
 * given JSDoc on the table and on column `a`. Each test compares the whole table `t`.
 */
function readT(tableDoc: string, columnDoc = ''): { readonly project: ModelProject; readonly table: Table } {
  const project = modelProject({
    [ENTRY]: `export interface DB {
  t: T
  other: Other
  'audit.log': Log
}
/**
${tableDoc
  .split('\n')
  .map((line) => ` * ${line}`)
  .join('\n')}
 */
interface T {
  /** ${columnDoc} */
  a: number
  b: string
  c: Date | null
}
interface Other { id: number; k: number }
interface Log { id: number }
`,
  })
  return { project, table: project.read().tables[0] }
}

function baseTable(project: ModelProject, overrides: Partial<Table> = {}, a: Partial<Column> = {}): Table {
  const columns = [
    column('a', 'integer', project.at(ENTRY, 'a: number', 'T.a'), a),
    column('b', 'text', project.at(ENTRY, 'b: string', 'T.b')),
    column('c', 'timestamp with time zone', project.at(ENTRY, 'c: Date', 'T.c'), { nullable: true }),
  ]
  return table('t', columns, { origin: project.at(ENTRY, 'interface T', 'T'), ...overrides })
}

const onTable = (project: ModelProject, marker: string) => project.at(ENTRY, marker, 'T')
const onA = (project: ModelProject) => project.at(ENTRY, '/** @', 'T.a')

test('description and @renamedFrom on a table and a column; @default, @collate', () => {
  const { project, table } = readT('Things we track.\nSecond line.\n@renamedFrom things', 'The amount. @default 0 @collate "C" @renamedFrom amount')
  expect(table).toEqual(
    baseTable(project, { comment: 'Things we track.\nSecond line.', renamedFrom: 'things' }, { comment: 'The amount.', default: '0', collation: '"C"', renamedFrom: 'amount' }),
  )
})

test('@generated and @dbType with backticks', () => {
  const { project, table } = readT('', '@dbType `numeric(10, 2)` @generated `b::numeric * 2`')
  expect(table).toEqual(baseTable(project, {}, { type: 'numeric(10, 2)', generated: 'b::numeric * 2' }))
})

test('@primaryKey on a column, on the table, named', () => {
  const column = readT('', '@primaryKey')
  expect(column.table).toEqual(baseTable(column.project, { primaryKey: { name: 't_pkey', columns: ['a'], origin: onA(column.project) } }))
  const table = readT('@primaryKey pk_t: (a, b)')
  expect(table.table).toEqual(baseTable(table.project, { primaryKey: { name: 'pk_t', columns: ['a', 'b'], origin: onTable(table.project, '@primaryKey') } }))
})

test('@unique on a column and on the table, named, nullsNotDistinct', () => {
  const { project, table } = readT('@unique (b, c) nullsNotDistinct\n@unique t_b: (b)', '@unique')
  expect(table).toEqual(
    baseTable(project, {
      uniques: [
        { name: 't_a_key', columns: ['a'], nullsNotDistinct: false, origin: onA(project) },
        { name: 't_b_c_key', columns: ['b', 'c'], nullsNotDistinct: true, origin: onTable(project, '@unique (b, c)') },
        { name: 't_b', columns: ['b'], nullsNotDistinct: false, origin: onTable(project, '@unique t_b') },
      ],
    }),
  )
})

test('@index: keys, order, expressions, unique, using, include, where', () => {
  const { project, table } = readT(
    [
      '@index (b desc, c asc nulls first, (a), lower(b), (a + 1) desc nulls last)',
      '@index t_gin: (`to_tsvector(\'simple\', b)`) using GIN',
      '@index (b) unique nullsNotDistinct include (c) where `c is not null and b <> \'@x\'`',
    ].join('\n'),
    '@index',
  )
  const index = (overrides: Partial<Index> & Pick<Index, 'name' | 'keys' | 'origin'>): Index => ({
    unique: false,
    method: 'btree',
    include: [],
    where: null,
    nullsNotDistinct: false,
    ...overrides,
  })
  expect(table).toEqual(
    baseTable(project, {
      indexes: [
        index({ name: 't_a_idx', keys: [{ kind: 'column', column: 'a', direction: 'asc', nulls: 'last' }], origin: onA(project) }),
        index({
          name: 't_b_c_a_lower_expr_idx',
          keys: [
            { kind: 'column', column: 'b', direction: 'desc', nulls: 'first' },
            { kind: 'column', column: 'c', direction: 'asc', nulls: 'first' },
            { kind: 'column', column: 'a', direction: 'asc', nulls: 'last' },
            { kind: 'expression', expression: 'lower(b)', direction: 'asc', nulls: 'last' },
            { kind: 'expression', expression: 'a + 1', direction: 'desc', nulls: 'last' },
          ],
          origin: onTable(project, '@index (b desc'),
        }),
        index({
          name: 't_gin',
          method: 'gin',
          keys: [{ kind: 'expression', expression: "to_tsvector('simple', b)", direction: 'asc', nulls: 'last' }],
          origin: onTable(project, '@index t_gin'),
        }),
        index({
          name: 't_b_c_idx',
          unique: true,
          nullsNotDistinct: true,
          keys: [{ kind: 'column', column: 'b', direction: 'asc', nulls: 'last' }],
          include: ['c'],
          where: "c is not null and b <> '@x'",
          origin: onTable(project, '@index (b) unique'),
        }),
      ],
    }),
  )
})

test('@check on a column and on the table; SQL with @> in backticks', () => {
  const { project, table } = readT("@check (b <> '') = (c is null)\n@check t_b_json: `b::jsonb @> '{}'`", '@check a > 0')
  expect(table).toEqual(
    baseTable(project, {
      checks: [
        { name: 't_a_check', expression: 'a > 0', origin: onA(project) },
        { name: 't_check', expression: "(b <> '') = (c is null)", origin: onTable(project, "@check (b <> '')") },
        { name: 't_b_json', expression: "b::jsonb @> '{}'", origin: onTable(project, '@check t_b_json') },
      ],
    }),
  )
})

test('@references and @foreignKey: schema-qualified targets, actions, deferrable', () => {
  const { project, table } = readT(
    '@foreignKey (a, b) references other (id, k) onUpdate set null deferrable initially deferred\n@foreignKey t_log: (a) references audit.log (id) onDelete no action deferrable',
    '@references audit.log.id onDelete set default onUpdate restrict',
  )
  const foreignKey = (overrides: Partial<ForeignKey> & Pick<ForeignKey, 'name' | 'columns' | 'references' | 'referencedColumns' | 'origin'>): ForeignKey => ({
    onDelete: 'no action',
    onUpdate: 'no action',
    deferrable: false,
    initiallyDeferred: false,
    ...overrides,
  })
  const log = { schema: 'audit', name: 'log' }
  expect(table).toEqual(
    baseTable(project, {
      foreignKeys: [
        foreignKey({ name: 't_a_fkey', columns: ['a'], references: log, referencedColumns: ['id'], onDelete: 'set default', onUpdate: 'restrict', origin: onA(project) }),
        foreignKey({
          name: 't_a_b_fkey',
          columns: ['a', 'b'],
          references: { schema: 'public', name: 'other' },
          referencedColumns: ['id', 'k'],
          onUpdate: 'set null',
          deferrable: true,
          initiallyDeferred: true,
          origin: onTable(project, '@foreignKey (a, b)'),
        }),
        foreignKey({ name: 't_log', columns: ['a'], references: log, referencedColumns: ['id'], deferrable: true, origin: onTable(project, '@foreignKey t_log') }),
      ],
    }),
  )
})

test('a JSDoc belongs to the member it precedes, also on one line; a comment after a member on its line is not the next one\'s', () => {
  const project = modelProject({
    [ENTRY]: `export interface DB { t: T }\ninterface T { a: number; /** @unique */ b: number; c: number /** c */\n  d: number }\n`,
  })
  const table = project.read().tables[0]
  expect(table.uniques.map((unique) => unique.columns)).toEqual([['b']])
  expect(table.columns.map((column) => column.comment)).toEqual([null, null, null, null])
})

test('@schema on the root interface; tables in other schemas', () => {
  const project = modelProject({ [ENTRY]: `/**\n * @schema zeta\n * @schema alpha\n */\nexport interface DB { 'b.t': T }\ninterface T { a: number }\n` })
  expect(project.read().schemas).toEqual(['alpha', 'b', 'public', 'zeta'])
})
