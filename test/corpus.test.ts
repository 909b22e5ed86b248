import { runMigraCase, runSchema } from '../scripts/corpus/run-corpus.js'

/**
 * The corpus round trip (scripts/corpus.ts, `npm run corpus` for all of it) on the smaller real
 * schemas and the migra fixtures the model language covers: pull from a loaded database,
 * autogenerate + latest into another, the catalogs agree and a second autogenerate finds
 * nothing. Server only: it creates databases and roles.
 */

const SCHEMAS: readonly string[] = ['chinook', 'freeradius', 'icingadb', 'pdns', 'roundcube']
const MIGRA_CASES: readonly string[] = ['extversions', 'generated_added', 'inherit', 'seq']

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
})
