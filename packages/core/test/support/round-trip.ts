import { deepStrictEqual } from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { planMigration } from '../../src/autogenerate.js'
import { canonicaliseSchema } from '../../src/canonical/canonicalise.js'
import { readCatalog } from '../../src/catalog/read-catalog.js'
import type { Database } from '../../src/database/connect.js'
import { openScratchDatabase } from '../../src/database/scratch.js'
import { readModels } from '../../src/models/read-models.js'
import type { Schema } from '../../src/schema/schema.js'
import { createTestProject } from './project.js'
import { stripOrigins } from './strip-origins.js'

/** Two model folders: the test goes from the first to the second and back. */
export interface ModelPair {
  readonly before: Readonly<Record<string, string>>
  readonly after: Readonly<Record<string, string>>
  /** Autogenerate with `allowDrop` (the pair drops a table or column while adding another). */
  readonly allowDrop?: boolean
}

export interface RoundTripOptions {
  /** Fail when `after` makes no migration (a hand-written case always changes something). */
  readonly expectChanges?: boolean
}

/** A failed round trip: which step, why, and the migrations generated for `after`. */
export class RoundTripError extends Error {
  constructor(
    readonly step: string,
    override readonly cause: unknown,
    /** File name → source of each migration generated for `after`. */
    readonly migrations: Readonly<Record<string, string>>,
  ) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

/**
 * The round trip every change must survive, on `database` (emptied by the caller): database at
 * `before` (generated and applied from empty), models at `after`; autogenerate and apply `up`:
 * the catalog equals the models, and autogenerate finds nothing more; apply `down`: the catalog
 * equals what it was before. Catalogs are read over the schemas the models manage, and compared
 * without the order of columns: PostgreSQL adds a column at the end of its table only, so a
 * column dropped by `up` comes back last in `down` (and a re-created one moves to the end), and
 * the differ rightly never proposes to reorder columns.
 */
export async function runRoundTrip(database: Database, pair: ModelPair, options: RoundTripOptions = {}): Promise<void> {
  const project = await createTestProject(database)
  let migrations: Readonly<Record<string, string>> = {}
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw error instanceof RoundTripError ? error : new RoundTripError(name, error, migrations)
    }
  }
  try {
    const before = await step('build `before` from empty', async () => {
      await project.writeModels(pair.before)
      await project.autogenerate('before')
      await project.latest()
      const models = readModels(project.modelsFile)
      return { models, catalog: await readManaged(database, models) }
    })

    const generated = await step('autogenerate `after`', async () => {
      await project.writeModels(pair.after)
      const result = await project.autogenerate('after', { allowDrop: pair.allowDrop })
      migrations = await readMigrations(result.files)
      if (options.expectChanges === true && result.file === null) throw new Error('no migration was generated')
      return result
    })
    await step('apply `up`', () => project.latest())

    const models = readModels(project.modelsFile)
    await step('autogenerate again after `up`', async () => deepStrictEqual((await planMigration(models, database)).up, [], 'it still finds changes'))
    await step('catalog after `up`', async () =>
      deepStrictEqual(await readManaged(database, models), await canonical(database, models), 'the catalog differs from the models'),
    )

    await step('apply `down`', () => project.down(generated.files.length))
    await step('catalog after `down`', async () =>
      deepStrictEqual(await readManaged(database, before.models), before.catalog, 'the catalog differs from `before`'),
    )
  } finally {
    await project.remove()
  }
}

/** The catalog over the schemas `models` manage, as compared. */
async function readManaged(database: Database, models: Schema): Promise<unknown> {
  return comparable(await readCatalog(database.db, { schemas: models.schemas }))
}

/** Without model-only keys, and each table's columns by name. */
function comparable(schema: Schema): unknown {
  const byName = (a: { readonly name: string }, b: { readonly name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  return stripOrigins({ ...schema, tables: schema.tables.map((table) => ({ ...table, columns: [...table.columns].sort(byName) })) })
}

/** The models as PostgreSQL prints them, built in a scratch database next to the target. */
async function canonical(database: Database, models: Schema): Promise<unknown> {
  const scratch = await openScratchDatabase(database.target)
  try {
    return comparable(await canonicaliseSchema(models, scratch))
  } finally {
    await scratch.close()
  }
}

/** `files` are relative to the working directory, as autogenerate reports them. */
async function readMigrations(files: readonly string[]): Promise<Readonly<Record<string, string>>> {
  const entries = await Promise.all(files.map(async (file) => [file.slice(file.lastIndexOf('/') + 1), await readFile(file, 'utf8')] as const))
  return Object.fromEntries(entries)
}
