import { readCatalog } from '../../src/catalog/read-catalog.js'
import { canonicaliseInScratch } from '../../src/canonical/canonicalise.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import { MAX_RELATIONS_PER_MIGRATION } from '../../src/plan/split-large-migration.js'
import { modelFiles } from '../support/model-files.js'
import { createTestProject } from '../support/project.js'
import { useResetDatabase } from '../support/reset-database.js'
import { stripOrigins } from '../support/strip-origins.js'
import { BACKENDS } from '../support/test-databases.js'

/** Relations one table of this model creates: heap, TOAST table and index, primary key, identity sequence. */
const RELATIONS_PER_TABLE = 5
/** Enough tables for two parts. */
const TABLES = Math.floor(MAX_RELATIONS_PER_MIGRATION / RELATIONS_PER_TABLE) + 50

/** Table i references table 0, so later parts have foreign keys into the first. */
function largeModels(): Readonly<Record<string, string>> {
  const names = Array.from({ length: TABLES }, (_, i) => `t${String(i).padStart(4, '0')}`)
  const db = names.map((name) => `  ${name}: ${name.toUpperCase()}`).join('\n')
  const tables = names.map(
    (name, i) => `export interface ${name.toUpperCase()} {
  /** @primaryKey */
  id: Generated<number>
  label: string
${i === 0 ? '' : '  /** @references t0000.id */\n  first_id: number\n'}}`,
  )
  return modelFiles(db, tables.join('\n\n'))
}

/**
 * A schema too large for one transaction (PostgreSQL's shared lock table) is generated as
 * consecutive migrations, each under the limit: `latest` applies them all, the catalog equals
 * the models, and their `down`s, newest first, leave the database empty again.
 */
describe.each(BACKENDS)('a large initial migration on %s', (backend) => {
  const database = useResetDatabase(backend)

  test(`${TABLES} tables: two parts, applied and reverted`, async () => {
    const project = await createTestProject(database())
    try {
      await project.writeModels(largeModels())
      const generated = await project.autogenerate('init')
      expect(generated.files.map((file) => file.replace(/^.*\/\d{14}_/, ''))).toEqual(['init_part_1_of_2.ts', 'init_part_2_of_2.ts'])
      await project.latest()
      const models = readModels(project.modelsFile)
      const canonical = await canonicaliseInScratch(models, () => openScratchDatabase(database().target))
      expect(stripOrigins(await readCatalog(database().db, { schemas: ['public'] }))).toEqual(stripOrigins(canonical))
      await project.down(2)
      expect((await readCatalog(database().db, { schemas: ['public'] })).tables).toEqual([])
    } finally {
      await project.remove()
    }
  })
})
