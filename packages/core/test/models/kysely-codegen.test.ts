import { execFileSync } from 'node:child_process'
import { ENTRY, modelProject } from './model-project.js'

/** Introspection metadata as kysely-codegen's PostgreSQL introspector would produce it. */
const ENUMS = { 'public.order_status': ['pending', 'shipped'] }
const TABLES = [
  {
    name: 'orders',
    schema: 'public',
    columns: [
      { name: 'id', dataType: 'int8', isAutoIncrementing: true },
      { name: 'total', dataType: 'numeric' },
      { name: 'status', dataType: 'order_status', dataTypeSchema: 'public' },
      { name: 'tags', dataType: 'text', isArray: true },
      { name: 'amounts', dataType: 'numeric', isArray: true, isNullable: true },
      { name: 'data', dataType: 'jsonb', isNullable: true },
      { name: 'placed_at', dataType: 'timestamptz', hasDefaultValue: true, comment: 'When it was placed.' },
      { name: 'duration', dataType: 'interval' },
      { name: 'location', dataType: 'point' },
      { name: 'paid', dataType: 'bool' },
      { name: 'quantity', dataType: 'int4' },
      { name: 'receipt', dataType: 'bytea', isNullable: true },
    ],
  },
  { name: 'events', schema: 'audit', columns: [{ name: 'id', dataType: 'int4' }] },
]

/**
 * kysely-codegen's vocabulary, as it prints it: the file its own serialiser writes for the
 * metadata (no database). It runs in a child process because kysely-codegen (CommonJS) requires
 * kysely (ESM only), which Jest's module sandbox cannot do.
 */
function codegenFile(): string {
  const script = `
    import { DatabaseMetadata, EnumCollection, PostgresDialect, TypeScriptSerializer } from 'kysely-codegen'
    const { enums, tables } = JSON.parse(process.argv[1])
    const collection = new EnumCollection()
    for (const [name, values] of Object.entries(enums)) collection.set(name, values)
    const metadata = new DatabaseMetadata({ enums: collection, tables })
    process.stdout.write(new TypeScriptSerializer().serializeFile(metadata, new PostgresDialect(), {}))
  `
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify({ enums: ENUMS, tables: TABLES })], { encoding: 'utf8' })
}

test('reads the types kysely-codegen emits for PostgreSQL', () => {
  const schema = modelProject({ [ENTRY]: codegenFile() }).read()
  const columns = Object.fromEntries(schema.tables.map((table) => [`${table.schema}.${table.name}`, table.columns.map((c) => [c.name, c.type, c.nullable, c.comment])]))
  // kysely-codegen sorts tables and columns by name.
  expect(columns).toEqual({
    'audit.events': [['id', 'integer', false, null]],
    'public.orders': [
      ['amounts', 'numeric[]', true, null],
      ['data', 'jsonb', true, null],
      ['duration', 'interval', false, null],
      ['id', 'bigint', false, null],
      ['location', 'point', false, null],
      ['paid', 'boolean', false, null],
      ['placed_at', 'timestamp with time zone', false, 'When it was placed.'],
      ['quantity', 'integer', false, null],
      ['receipt', 'bytea', true, null],
      ['status', 'order_status', false, null],
      ['tags', 'text[]', false, null],
      ['total', 'numeric', false, null],
    ],
  })
  expect(schema.enums.map(({ origin: _, ...type }) => type)).toEqual([{ schema: 'public', name: 'order_status', values: ['pending', 'shipped'], comment: null, renamedValues: [] }])
})
