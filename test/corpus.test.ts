import type { CorpusRow } from '../scripts/corpus/corpus-row.js'
import { runChain } from '../scripts/corpus/run-chain.js'
import { runMigraCase, runSchema } from '../scripts/corpus/run-corpus.js'
import { ensurePgschemaRoles, runPgschemaCase } from '../scripts/corpus/run-pgschema.js'

/**
 * The corpus round trip (scripts/corpus.ts, `npm run corpus` for all of it) on the smaller real
 * schemas, every step of the supabase-auth migration chain, and the migra and pgschema fixtures
 * the model language covers: pull from a loaded database, autogenerate + latest into another, the
 * catalogs agree and a second autogenerate finds nothing. Server only: it creates databases and
 * roles.
 */

const SCHEMAS: readonly string[] = ['chinook', 'freeradius', 'icingadb', 'pdns', 'roundcube']
const MIGRA_CASES: readonly string[] = ['enumdefaults', 'excludeschema', 'extversions', 'generated', 'generated_added', 'seq']
/** Exact but for the order of columns, which PostgreSQL cannot change (see compare-schemas.ts). */
const MIGRA_COLUMN_ORDER_CASES: readonly (readonly [name: string, tables: readonly string[]])[] = [['identitycols', ['gen', 'identchanges']]]
/** Skipped, with the reason: what they hold is not in the model language. */
const MIGRA_SKIPPED_CASES: readonly (readonly [name: string, reason: string])[] = [
  ['collations', 'b.sql has collation (not in the model language)'],
  ['inherit', 'b.sql has table inheritance (not in the model language)'],
]

/** Every step of the chain is exact; these are the ones whose rename needs a `@renamedFrom` hint. */
const CHAIN = 'supabase-auth'
const CHAIN_STEPS = 70
const CHAIN_RENAME_STEPS: readonly string[] = [
  'supabase-auth/02-20210710035447_alter_users',
  'supabase-auth/04-20210730183235_add_email_change_confirmed',
  'supabase-auth/44-20231117164230_add_id_pkey_identities',
]

/** The pgschema cases the model language covers that round-trip exactly (the others are skipped). */
const PGSCHEMA_CASES: readonly string[] = [
  'comment/add_column_comments', 'comment/add_table_comment', 'comment/alter_table_comment', 'comment/column_comment_quoted_identifier',
  'comment/drop_table_comment', 'comment/noop_column_comments',
  'create_domain/add_domain', 'create_domain/alter_domain', 'create_domain/drop_domain',
  'create_table/add_check', 'create_table/add_column_array', 'create_table/add_column_boolean', 'create_table/add_column_default',
  'create_table/add_column_generated', 'create_table/add_column_identity', 'create_table/add_column_integer', 'create_table/add_column_jsonb',
  'create_table/add_column_numeric', 'create_table/add_column_text', 'create_table/add_column_timestamp', 'create_table/add_column_uuid',
  'create_table/add_column_varchar', 'create_table/add_default_not_null', 'create_table/add_fk', 'create_table/add_table',
  'create_table/add_table_composite_keys', 'create_table/add_table_like', 'create_table/add_table_like_forward_ref',
  'create_table/add_table_no_online_rewrite', 'create_table/add_table_serial_pk', 'create_table/add_unique_constraint',
  'create_table/alter_column_quoted_identifier', 'create_table/alter_column_types', 'create_table/alter_defaults', 'create_table/alter_identity',
  'create_table/composite_fk_column_order', 'create_table/drop_column', 'create_table/remove_not_null',
  'create_type/add_type', 'create_type/add_value', 'create_type/drop_type',
  'dependency/table_to_table', 'migrate/v1', 'migrate/v2',
  'online/add_composite_index', 'online/add_constraint', 'online/add_fk', 'online/add_functional_index', 'online/add_not_null',
  'online/add_partial_index', 'online/add_unique_multi_column_index', 'online/alter_composite_index', 'online/alter_constraint',
  'online/alter_fk', 'online/issue_286_reserved_keyword_quoting', 'online/issue_313_camelcase_column_not_null',
]
/** Exact but for the order of columns: new.sql declares an added column before existing ones, and PostgreSQL adds at the end. */
const PGSCHEMA_COLUMN_ORDER_CASES: readonly (readonly [name: string, tables: readonly string[]])[] = [
  ['create_table/add_column_serial', ['employees']],
  ['create_table/add_pk', ['categories', 'orders', 'products', 'sessions', 'users']],
  ['create_table/add_uk', ['orders', 'products', 'users']],
]

/** Under Jest, TypeScript migration files are imported through Jest's own transform. */
const importThroughJest = (path: string): Promise<Record<string, unknown>> => import(path)

const describeOnServer = process.env.TEST_DATABASE_URL ? describe : describe.skip

function expectExact(row: CorpusRow): void {
  expect(row.details).toEqual([])
  expect(row.status).toBe('exact')
}

/** The tables named by `column order of <table>: ...` lines (any other line as it is). */
function columnOrderTables(row: CorpusRow): readonly string[] {
  return row.details.map((line) => /^column order of (\S+):/.exec(line)?.[1] ?? line)
}

describeOnServer('corpus round trip', () => {
  const serverUrl = process.env.TEST_DATABASE_URL

  test.each(SCHEMAS)('%s', async (name) => {
    expectExact(await runSchema(name, { importModule: importThroughJest, serverUrl }))
  })

  test.each(MIGRA_CASES)('migra/%s', async (name) => {
    expectExact(await runMigraCase(name, { importModule: importThroughJest, serverUrl }))
  })

  test.each(MIGRA_COLUMN_ORDER_CASES)('migra/%s: only the column order of %j differs', async (name, tables) => {
    expect(columnOrderTables(await runMigraCase(name, { importModule: importThroughJest, serverUrl }))).toEqual(tables)
  })

  test.each(MIGRA_SKIPPED_CASES)('migra/%s is skipped: %s', async (name, reason) => {
    const row = await runMigraCase(name, { importModule: importThroughJest, serverUrl })
    expect(row).toMatchObject({ status: 'skipped', details: [reason] })
  })

  test(`every step of the ${CHAIN} migration chain`, async () => {
    const rows = await runChain(CHAIN, { importModule: importThroughJest, serverUrl })
    expect(rows).toHaveLength(CHAIN_STEPS)
    expect(rows.filter((row) => row.status !== 'exact').map((row) => `${row.name}: ${row.status}: ${row.details.join('; ')}`)).toEqual([])
    expect(rows.filter((row) => row.note !== undefined).map((row) => row.name)).toEqual(CHAIN_RENAME_STEPS)
  }, 600_000)

  describe('pgschema', () => {
    let dropRoles: () => Promise<void>
    beforeAll(async () => {
      dropRoles = await ensurePgschemaRoles(serverUrl)
    })
    afterAll(() => dropRoles())

    test.each(PGSCHEMA_CASES)('pgschema/%s', async (name) => {
      expectExact(await runPgschemaCase(name, { importModule: importThroughJest, serverUrl }))
    })

    test.each(PGSCHEMA_COLUMN_ORDER_CASES)('pgschema/%s: only the column order of %j differs', async (name, tables) => {
      expect(columnOrderTables(await runPgschemaCase(name, { importModule: importThroughJest, serverUrl }))).toEqual(tables)
    })
  })
})
