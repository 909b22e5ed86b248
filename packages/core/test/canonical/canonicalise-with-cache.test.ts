import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cacheEnvironment } from '../../src/canonical/canonical-cache.js'
import { canonicaliseInScratch } from '../../src/canonical/canonicalise.js'
import { canonicaliseWithCache } from '../../src/canonical/canonicalise-with-cache.js'
import type { Database } from '../../src/database/connect.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import type { Schema } from '../../src/schema/schema.js'
import { MATRIX_CASES } from '../integration/change-matrix.cases.js'
import { DATABASE_OBJECT_CASES } from '../integration/change-matrix.database-objects.cases.js'
import { modelFiles } from '../support/model-files.js'
import { createTestProject, type TestProject } from '../support/project.js'
import { useResetDatabase } from '../support/reset-database.js'
import { BACKENDS } from '../support/test-databases.js'

/**
 * The cache is only an optimisation: for every change-matrix case, canonicalising `after` with
 * a cache warmed by `before` (so the unchanged tables come from the cache, the changed ones
 * and the tables they reference are created) gives exactly what canonicalising `after` from
 * nothing gives, model origins included (catalog oids of a dropped scratch database mean nothing,
 * so they are left out); and an unchanged model opens no scratch database at all.
 */
/** On the server, where each scratch database costs a CREATE DATABASE, every n-th case. */
const SERVER_SAMPLE_EVERY = 6

function withoutCatalogOrigins(schema: Schema): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: { kind?: string } | null) => (key === 'origin' && value?.kind === 'catalog' ? null : value)))
}

describe.each(BACKENDS)('canonicaliseWithCache on %s', (backend) => {
  const database = useResetDatabase(backend)
  let project: TestProject
  let scratchOpenings: number

  beforeEach(async () => {
    project = await createTestProject(database())
    scratchOpenings = 0
  })
  afterEach(async () => {
    await project.remove()
  })

  const openScratch = (models: Schema) => (): Promise<Database> => {
    scratchOpenings += 1
    return openScratchDatabase(database().target, models.extensions.map((extension) => extension.name))
  }
  const modelsOf = async (files: Readonly<Record<string, string>>): Promise<Schema> => {
    await project.writeModels(files)
    return readModels(project.modelsFile)
  }
  const cached = async (models: Schema): Promise<Schema> =>
    canonicaliseWithCache(models, { cacheFile: join(project.dir, 'cache.json'), environment: await cacheEnvironment(database().db), openScratch: openScratch(models) })
  const expectSameCanonical = async (models: Schema): Promise<void> => {
    const fromCache = withoutCatalogOrigins(await cached(models))
    expect(fromCache).toEqual(withoutCatalogOrigins(await canonicaliseInScratch(models, openScratch(models))))
  }

  // The cache's logic does not depend on the backend: every case on PGlite, a sample on the server.
  const cases = [...MATRIX_CASES, ...DATABASE_OBJECT_CASES]
  test.each(backend === 'pglite' ? cases : cases.filter((_, i) => i % SERVER_SAMPLE_EVERY === 0))('$name', async ({ before, after }) => {
    const modelsBefore = await modelsOf(before)
    await expectSameCanonical(modelsBefore)
    scratchOpenings = 0
    await expectSameCanonical(modelsBefore)
    expect(scratchOpenings).toBe(1) // only the uncached reference
    await expectSameCanonical(await modelsOf(after))
  })

  test('a cache that cannot be written (its folder is a file) costs time, not the result', async () => {
    const models = await modelsOf(MATRIX_CASES[0].after)
    await writeFile(join(project.dir, 'not-a-folder'), '')
    const unwritable = { cacheFile: join(project.dir, 'not-a-folder', 'cache.json'), environment: await cacheEnvironment(database().db), openScratch: openScratch(models) }
    const expected = withoutCatalogOrigins(await canonicaliseInScratch(models, openScratch(models)))
    expect(withoutCatalogOrigins(await canonicaliseWithCache(models, unwritable))).toEqual(expected)
  })

  test('a model mistake in a changed table is blamed on its line, as without the cache', async () => {
    const table = (column: string) => `export interface UserTable {\n  /** @primaryKey */\n  id: Generated<number>\n${column}\n}`
    await cached(await modelsOf(modelFiles('  users: UserTable', table('  name: string'))))
    const broken = await modelsOf(modelFiles('  users: UserTable', table('  /** @default nowww() */ seen: Generated<Date>')))
    await expect(cached(broken)).rejects.toThrow(/index\.ts:\d+: UserTable\.seen: PostgreSQL rejects it: function nowww\(\) does not exist/)
  })
})
