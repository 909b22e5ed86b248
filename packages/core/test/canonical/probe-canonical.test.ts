import fc from 'fast-check'
import { canonicaliseByCreating, canonicaliseByProbes } from '../../src/canonical/canonicalise.js'
import { whyNotProbe } from '../../src/canonical/probe-preconditions.js'
import type { Database } from '../../src/database/connect.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import type { Schema } from '../../src/schema/schema.js'
import { modelPairs } from '../fuzz/model-pairs.js'
import { MATRIX_CASES } from '../integration/change-matrix.cases.js'
import { DATABASE_OBJECT_CASES } from '../integration/change-matrix.database-objects.cases.js'
import { modelFiles } from '../support/model-files.js'
import { createTestProject, type TestProject } from '../support/project.js'
import { useResetDatabase } from '../support/reset-database.js'
import { type Backend, BACKENDS } from '../support/test-databases.js'

/**
 * Probing tables (printing only their SQL text, in shared temporary tables) must give exactly
 * what creating them gives, the reference: for both sides of every change-matrix case and for
 * random models of the property tests, on both backends (PostgreSQL 15 and PGlite's 18 print
 * differently). Catalog oids differ between the two scratch databases, so they are left out.
 */

const RANDOM_MODELS: Readonly<Record<Backend, number>> = { pglite: 15, server: 30 }

function withoutCatalogOrigins(schema: Schema): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value: { kind?: string } | null) => (key === 'origin' && value?.kind === 'catalog' ? null : value)))
}

describe.each(BACKENDS)('probed canonical forms on %s', (backend) => {
  const database = useResetDatabase(backend)
  let project: TestProject

  beforeEach(async () => {
    project = await createTestProject(database())
  })
  afterEach(async () => {
    await project.remove()
  })

  const inScratch = async <T,>(models: Schema, canonicalise: (models: Schema, scratch: Database) => Promise<T>): Promise<T> => {
    const scratch = await openScratchDatabase(database().target, models.extensions.map((extension) => extension.name))
    try {
      return await canonicalise(models, scratch)
    } finally {
      await scratch.close()
    }
  }
  const modelsOf = async (files: Readonly<Record<string, string>>): Promise<Schema> => {
    await project.writeModels(files)
    return readModels(project.modelsFile)
  }
  const expectProbedAsCreated = async (models: Schema): Promise<void> => {
    expect(whyNotProbe(models)).toBeNull()
    const probed = await inScratch(models, canonicaliseByProbes)
    expect(probed).not.toBeNull()
    expect(withoutCatalogOrigins(probed!)).toEqual(withoutCatalogOrigins(await inScratch(models, canonicaliseByCreating)))
  }

  test.each([...MATRIX_CASES, ...DATABASE_OBJECT_CASES])('$name', async ({ before, after }) => {
    await expectProbedAsCreated(await modelsOf(before))
    await expectProbedAsCreated(await modelsOf(after))
  })

  test('random models of the property tests', async () => {
    await fc.assert(
      fc.asyncProperty(modelPairs, async (pair) => {
        await expectProbedAsCreated(await modelsOf(pair.after))
      }),
      { numRuns: RANDOM_MODELS[backend] },
    )
  }, 180_000)

  // What probing cannot see goes to PostgreSQL: the same message, at the model line, as always.
  const table = (columns: string, tags = '') => `/**${tags}\n */\nexport interface UserTable {\n  /** @primaryKey */\n  id: Generated<number>\n${columns}\n}`
  test.each([
    {
      name: 'a default of the wrong type',
      files: modelFiles('  users: UserTable', table('  /** @default \'soon\' */ seen: Generated<Date>')),
      message: /index\.ts:\d+: UserTable\.seen: PostgreSQL rejects it: invalid input syntax for type timestamp/,
    },
    {
      name: 'a unique key over json',
      files: modelFiles('  users: UserTable', table('  /** @unique @dbType json */ doc: unknown')),
      message: /PostgreSQL rejects it: (data type json has no default operator class|could not identify an equality operator for type json)/,
    },
  ])('$name is blamed as creating the table would', async ({ files, message }) => {
    const models = await modelsOf(files)
    await expect(inScratch(models, canonicaliseByProbes)).resolves.toBeNull()
    await expect(inScratch(models, canonicaliseByCreating)).rejects.toThrow(message)
  })
})
