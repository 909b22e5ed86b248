import { planMigration } from '../../src/autogenerate.js'
import { canonicaliseSchema } from '../../src/canonical/canonicalise.js'
import { readCatalog } from '../../src/catalog/read-catalog.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import { createTestProject } from '../support/project.js'
import { useResetDatabase } from '../support/reset-database.js'
import { stripOrigins } from '../support/strip-origins.js'
import { BACKENDS } from '../support/test-databases.js'
import { MATRIX_CASES } from './change-matrix.cases.js'
import { DATABASE_OBJECT_CASES } from './change-matrix.database-objects.cases.js'

/**
 * For every case: database at `before` (generated and applied from empty), models at `after`;
 * autogenerate and apply `up`: the catalog equals the models, and autogenerate finds nothing
 * more; apply `down`: the catalog equals what it was before.
 */
describe.each(BACKENDS)('change matrix on %s', (backend) => {
  const database = useResetDatabase(backend)

  test.each([...MATRIX_CASES, ...DATABASE_OBJECT_CASES])('$name', async ({ before, after, allowDrop }) => {
    const project = await createTestProject(database())
    try {
      await project.writeModels(before)
      await project.autogenerate('before')
      await project.latest()
      const catalogBefore = stripOrigins(await readCatalog(database().db, {}))

      await project.writeModels(after)
      const generated = await project.autogenerate('after', { allowDrop })
      expect(generated.file).not.toBeNull()
      await project.latest()

      const models = readModels(project.modelsFile)
      expect((await planMigration(models, database())).up).toEqual([])
      expect(stripOrigins(await readCatalog(database().db, {}))).toEqual(await canonical(models))

      await project.down(generated.files.length)
      expect(stripOrigins(await readCatalog(database().db, {}))).toEqual(catalogBefore)
    } finally {
      await project.remove()
    }
  })

  /** The models as PostgreSQL prints them, built in a scratch database next to the target. */
  async function canonical(models: ReturnType<typeof readModels>): Promise<unknown> {
    const scratch = await openScratchDatabase(database().target)
    try {
      return stripOrigins(await canonicaliseSchema(models, scratch))
    } finally {
      await scratch.close()
    }
  }
})
