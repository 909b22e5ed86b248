import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { closeIdleScratchDatabases } from '../packages/core/src/database/scratch.js'
import { readModels } from '../packages/core/src/models/read-models.js'
import { BACKENDS, openTestDatabase } from '../packages/core/test/support/test-databases.js'
import { REPO_ROOT, codegenAfterMigrations, failingAssertions, writeOracle } from './support/codegen-oracle.js'

/**
 * Kysely's own types as the oracle: migrate the example application (models/, migrations/) into
 * a database, let kysely-codegen generate its `DB` from that database, and have the TypeScript
 * compiler check that kysely-codegen's `DB` and the models' `DB` agree on every table's select
 * types (Selectable<...>, column by column). The compiler must also reject a drifted copy of
 * the models, so the check is known to bite.
 */

const MODELS_DIR = join(REPO_ROOT, 'models')
const MIGRATIONS_DIR = join(REPO_ROOT, 'migrations')
/** Inside the repository (git-ignored), so the oracle files resolve `kysely` from its node_modules. */
const WORK_DIR = join(REPO_ROOT, '.kysely-autogen', 'oracle')

/** The drift: a column the database keeps nullable, declared NOT NULL in the models. */
const DRIFT = { file: 'users.ts', from: 'display_name: string | null', to: 'display_name: string' }

describe.each(BACKENDS)('kysely-codegen oracle on %s', (backend) => {
  const dir = join(WORK_DIR, randomBytes(5).toString('hex'))

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
    // The server's test database idles for reuse; nothing else will take it.
    await closeIdleScratchDatabases()
  })

  test("kysely-codegen's DB and the models' DB agree on every table's select types; a drifted model is rejected", async () => {
    await mkdir(dir, { recursive: true })
    const codegenFile = join(dir, 'codegen.ts')
    await writeFile(codegenFile, await codegenOf(backend))

    const driftedDir = join(dir, 'drifted')
    await cp(MODELS_DIR, driftedDir, { recursive: true })
    const driftedFile = join(driftedDir, DRIFT.file)
    const source = await readFile(driftedFile, 'utf8')
    expect(source).toContain(DRIFT.from)
    await writeFile(driftedFile, source.replace(DRIFT.from, DRIFT.to))

    const modelsFile = join(MODELS_DIR, 'index.ts')
    const models = readModels(modelsFile)
    const oracles = [
      await writeOracle(join(dir, 'oracle.ts'), codegenFile, modelsFile, models),
      await writeOracle(join(dir, 'drifted-oracle.ts'), codegenFile, join(driftedDir, 'index.ts'), models),
    ]
    expect(oracles[0].assertions.length).toBe(1 + models.tables.length + models.tables.reduce((count, table) => count + table.columns.length, 0))
    const [real, drifted] = failingAssertions(oracles)
    expect(real).toEqual([])
    expect(drifted).toEqual(['users', 'users.display_name'])
  })
})

/** kysely-codegen's file for the example application migrated on `backend`. */
async function codegenOf(backend: 'pglite' | 'server'): Promise<string> {
  if (backend === 'pglite') return codegenAfterMigrations({ kind: 'memory' }, MIGRATIONS_DIR)
  const database = await openTestDatabase(backend)
  try {
    return await codegenAfterMigrations(database.target, MIGRATIONS_DIR)
  } finally {
    await database.close()
  }
}
