import { mkdir, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { autogenerate, planMigration } from '../../packages/core/src/autogenerate.js'
import { reprintDifferingExpressions } from '../../packages/core/src/canonical/reprint-current.js'
import { queryNamespaces } from '../../packages/core/src/catalog/query-namespaces.js'
import { type ReadCatalogOptions, readCatalog } from '../../packages/core/src/catalog/read-catalog.js'
import type { Database } from '../../packages/core/src/database/connect.js'
import { openScratchDatabase } from '../../packages/core/src/database/scratch.js'
import { readModels } from '../../packages/core/src/models/read-models.js'
import { pullModels } from '../../packages/core/src/pull/pull-models.js'
import type { ModuleImporter } from '../../packages/core/src/runner/load-migrations.js'
import { MigrationRunner } from '../../packages/core/src/runner/migration-runner.js'
import { compareSchemas, flattenSchema } from './compare-schemas.js'
import { type ColumnRename, addRenameHints } from './rename-hints.js'

/**
 * Projects live inside the repository (git-ignored), so generated migrations resolve `kysely`
 * from its node_modules as in a user's project.
 */
const PROJECTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.kysely-autogen', 'corpus')

export interface RoundTripResult {
  /** Objects the model language covers in the source database. */
  readonly objects: number
  /** Differences between source and target after the migration (empty: exact). */
  readonly differences: readonly string[]
  /** Changes a second autogenerate still finds (should be 0). */
  readonly secondPass: number
  readonly modelsFile: string
}

export interface RoundTripOptions {
  readonly importModule?: ModuleImporter
  /** Keep the project folder (models and migrations) for a look. */
  readonly keep?: boolean
  /** `@renamedFrom` hints added to the pulled models, as a developer would. */
  readonly renames?: readonly ColumnRename[]
  /** Schemas left out of the comparison (the models do not name them, so no migration touches them). */
  readonly ignoredSchemas?: readonly string[]
}

/**
 * `migrate pull` from `source`, `autogenerate` + `latest` into `target`, then the catalogs of
 * both must be equal for everything the model language covers, and a second autogenerate must
 * find nothing. `target` may be empty or hold an older state of the same schema.
 */
export async function roundTrip(source: Database, target: Database, options: RoundTripOptions = {}): Promise<RoundTripResult> {
  const dir = join(PROJECTS_DIR, randomBytes(5).toString('hex'))
  const modelsFile = join(dir, 'models', 'index.ts')
  const migrationsDir = join(dir, 'migrations')
  await mkdir(join(dir, 'models'), { recursive: true })
  try {
    await writeFile(modelsFile, await pullModels(source))
    await addRenameHints(modelsFile, options.renames ?? [])
    const models = readModels(modelsFile)
    await autogenerate({ modelsFile, rootInterface: 'DB', migrationsDir, message: 'round trip', database: target, allowDrop: true })
    await new MigrationRunner({ db: target.db, migrationsDir, importModule: options.importModule }).latest()
    const [loaded, actual] = await Promise.all([source, target].map(async (database) => readCatalog(database.db, await comparedSchemas(database, options))))
    // The corpus README's baseline: what PostgreSQL prints once its print is loaded again, since
    // a migration can only create what the first print says (see reprint-current.ts).
    const expected = await reprintDifferingExpressions(loaded, actual, () => openScratchDatabase(source.target))
    const second = await planMigration(models, target)
    return { objects: flattenSchema(expected).size, differences: compareSchemas(expected, actual), secondPass: second.up.length, modelsFile }
  } finally {
    if (options.keep !== true) await rm(dir, { recursive: true, force: true })
  }
}

/** Every schema of `database` but the ignored ones (the catalog reader's default when none is). */
async function comparedSchemas(database: Database, options: RoundTripOptions): Promise<ReadCatalogOptions> {
  const ignored = options.ignoredSchemas ?? []
  if (ignored.length === 0) return {}
  return { schemas: (await queryNamespaces(database.db)).filter((schema) => !ignored.includes(schema)) }
}
