import { runMigraCase, runSchema } from '../scripts/corpus/run-corpus.js'

/**
 * The corpus round trip (scripts/corpus.ts, `npm run corpus` for all of it) on the smaller real
 * schemas and the migra fixtures the model language covers: pull from a loaded database,
 * autogenerate + latest into another, the catalogs agree and a second autogenerate finds
 * nothing. Server only: it creates databases and roles.
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

/** Under Jest, TypeScript migration files are imported through Jest's own transform. */
const importThroughJest = (path: string): Promise<Record<string, unknown>> => import(path)

const describeOnServer = process.env.TEST_DATABASE_URL ? describe : describe.skip

describeOnServer('corpus round trip', () => {
  const serverUrl = process.env.TEST_DATABASE_URL

  test.each(SCHEMAS)('%s', async (name) => {
    const row = await runSchema(name, { importModule: importThroughJest, serverUrl })
    expect(row.details).toEqual([])
    expect(row.status).toBe('exact')
  })

  test.each(MIGRA_CASES)('migra/%s', async (name) => {
    const row = await runMigraCase(name, { importModule: importThroughJest, serverUrl })
    expect(row.details).toEqual([])
    expect(row.status).toBe('exact')
  })

  test.each(MIGRA_COLUMN_ORDER_CASES)('migra/%s: only the column order of %j differs', async (name, tables) => {
    const row = await runMigraCase(name, { importModule: importThroughJest, serverUrl })
    expect(row.details.map((line) => /^column order of (\S+):/.exec(line)?.[1] ?? line)).toEqual(tables)
  })

  test.each(MIGRA_SKIPPED_CASES)('migra/%s is skipped: %s', async (name, reason) => {
    const row = await runMigraCase(name, { importModule: importThroughJest, serverUrl })
    expect(row).toMatchObject({ status: 'skipped', details: [reason] })
  })
})
