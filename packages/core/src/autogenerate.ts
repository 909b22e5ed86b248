import { mkdir, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { canonicaliseInScratch } from './canonical/canonicalise.js'
import { canonicaliseWithCache } from './canonical/canonicalise-with-cache.js'
import { reprintDifferingExpressions } from './canonical/reprint-current.js'
import { type CacheEntries, cacheEnvironment, readCacheFile } from './canonical/canonical-cache.js'
import { readCatalog, type ReadCatalogOptions } from './catalog/read-catalog.js'
import type { Database, DatabaseTarget } from './database/connect.js'
import { openScratchDatabase } from './database/scratch.js'
import type { Change } from './diff/change.js'
import { type ChangeDescription, describeChange } from './diff/describe-change.js'
import { diffSchemas } from './diff/diff-schemas.js'
import { findPossibleRenames, possibleRenamesError } from './diff/possible-renames.js'
import { invertChange } from './diff/invert-change.js'
import { emitMigration } from './emit/kysely/emit-migration.js'
import { type ModelSource, sourcedModels } from './models/read-models-here.js'
import { planChanges } from './plan/plan-changes.js'
import { splitEnumAdditions } from './plan/split-enum-additions.js'
import { splitLargeMigration } from './plan/split-large-migration.js'
import { listMigrationFiles, newMigrationFileName } from './runner/migration-files.js'
import { EMPTY_SCHEMA, type Schema } from './schema/schema.js'
import { type StageListener, timeStage } from './stage-timings.js'

/** What of the database the models manage (a project's configuration). */
export interface ManagedScope {
  /** Managed even before a model lives there, like `@schema` on the root interface. */
  readonly schemas?: readonly string[]
  /** Tables to read from the database (default all); see ReadCatalogOptions. */
  readonly includeTables?: readonly string[]
  /** Tables never read, so never dropped; see ReadCatalogOptions. */
  readonly excludeTables?: readonly string[]
}

export interface PlanOptions extends ManagedScope {
  /** Told how long each stage took (`--verbose`). */
  readonly onStage?: StageListener
  /**
   * Keep canonical forms here between runs, so only changed tables are created in a scratch
   * database (see canonicaliseWithCache). Without it, every run canonicalises every table.
   */
  readonly cacheFile?: string
}

/** `models`, when given, are read while the database is (see ModelSource). */
export interface AutogenerateOptions extends PlanOptions, ModelSource {
  readonly migrationsDir: string
  readonly message: string
  /** The database to compare with; it must be at head (the caller checks). */
  readonly database: Database
  readonly now?: Date
  /**
   * Accept dropping a table or column while another is added (a possible rename). Without it,
   * such a pair stops autogenerate with the `@renamedFrom` tag that would make it a rename.
   */
  readonly allowDrop?: boolean
}

export interface AutogenerateResult {
  /** The main written migration file (relative to the working directory), null when nothing differs. */
  readonly file: string | null
  /** Every written file in run order: added enum values get a migration of their own first. */
  readonly files: readonly string[]
  /** One line per change, in the order the migration runs them. */
  readonly summary: readonly string[]
  readonly changes: readonly ChangeDescription[]
}

/** The planned `up` and `down` that turn `current` into `desired`, and back exactly. */
export interface MigrationPlan extends PlannedChanges {
  /** The differences, unordered. */
  readonly changes: readonly Change[]
  /** The database the differences were found on (as compared: see reprint-current.ts). */
  readonly current: Schema
}

/** Changes in the order `up` runs them, and their inverses in the order `down` runs them. */
export interface PlannedChanges {
  readonly up: readonly Change[]
  readonly down: readonly Change[]
}

/**
 * A database as a plan compares with it, read beforehand (see planMigrationFrom): its schema in
 * the managed scope (managedScope), and where the canonical forms of the models are made.
 */
export interface PlanBase {
  readonly current: Schema
  /** Scratch databases are opened next to it (see openScratchDatabase). */
  readonly near: DatabaseTarget
  /** The printing server (cacheEnvironment), read while a database of it was open. */
  readonly environment: string
}

/**
 * Models → canonical desired schema; database → current schema; diff, plan both directions.
 * `down` is planned from the inverse of every change, so it restores `current` exactly.
 * The database is read while the models are canonicalised, and while they are still being read
 * when they come as a promise (see readCurrentSchema).
 */
export async function planMigration(declared: Schema | Promise<Schema>, database: Database, options: PlanOptions = {}): Promise<MigrationPlan> {
  const environment = await cacheEnvironment(database.db)
  const read = (scope: ReadCatalogOptions): Promise<Schema> =>
    timeStage(options.onStage, 'read catalog', () => readCatalog(database.db, scope))
  // What models manage when they name no schema of their own: `public` and the configured ones.
  const assumed = managedScope(EMPTY_SCHEMA, options)
  const early = declared instanceof Promise ? { scope: assumed, read: read(assumed) } : null
  // Parsed while the models are still being read (megabytes of JSON at 1,000 tables).
  const cached = options.cacheFile === undefined ? undefined : readCacheFile(options.cacheFile)
  const models = await settledWith(early?.read ?? null, async () => withManagedSchemas(await declared, options))
  const [current, desired] = await Promise.all([
    readCurrentSchema(early, models, options, read),
    canonicaliseNear(models, database.target, environment, options, cached),
  ])
  return planBetween(current, desired, models, database.target, options)
}

/**
 * The catalog as the models manage it. A read started before the models were known (`early`)
 * is the answer when the models manage exactly the schemas it assumed (the common case);
 * otherwise the catalog is read again for the models' schemas.
 */
async function readCurrentSchema(
  early: { readonly scope: CatalogScope; readonly read: Promise<Schema> } | null,
  models: Schema,
  options: ManagedScope,
  read: (scope: ReadCatalogOptions) => Promise<Schema>,
): Promise<Schema> {
  const scope = managedScope(models, options)
  if (early !== null && sameNames(scope.schemas, early.scope.schemas)) return early.read
  await early?.read.catch(() => undefined)
  return read(scope)
}

/** `work`'s result, once `pending` has settled too: nothing is left running on a database the caller may close next. */
async function settledWith<T>(pending: Promise<unknown> | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    await pending?.catch(() => undefined)
    throw error
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i])
}

/**
 * planMigration() against a database read before, which may be closed by now: `check` reads the
 * PGlite it replayed the migrations on and closes it before the models are canonicalised in
 * another, so that two embedded databases never hold a schema in memory at once.
 */
export async function planMigrationFrom(declared: Schema, base: PlanBase, options: PlanOptions = {}): Promise<MigrationPlan> {
  const models = withManagedSchemas(declared, options)
  const desired = await canonicaliseNear(models, base.near, base.environment, options)
  return planBetween(base.current, desired, models, base.near, options)
}

/** What of a database a plan reads: the models' schemas and the configured ones, and the configured tables. */
export type CatalogScope = ReadCatalogOptions & { readonly schemas: readonly string[] }

/** The CatalogScope of `declared` under the project's `scope`. */
export function managedScope(declared: Schema, scope: ManagedScope): CatalogScope {
  const { schemas } = withManagedSchemas(declared, scope)
  return { schemas, includeTables: scope.includeTables, excludeTables: scope.excludeTables }
}

function withManagedSchemas(declared: Schema, scope: ManagedScope): Schema {
  return { ...declared, schemas: [...new Set([...declared.schemas, ...(scope.schemas ?? [])])].sort() }
}

async function planBetween(current: Schema, desired: Schema, models: Schema, near: DatabaseTarget, options: PlanOptions): Promise<MigrationPlan> {
  // Part of comparing: the expressions that differ are printed a second time (reprint-current.ts).
  const [compared, changes] = await timeStage(options.onStage, 'diff', async () => {
    const reprinted = await reprintDifferingExpressions(current, desired, scratchOpener(models, near))
    return [reprinted, diffSchemas(reprinted, desired)] as const
  })
  return timeStage(options.onStage, 'plan', () => ({ changes, current: compared, ...planOf(changes) }))
}

function planOf(changes: readonly Change[]): PlannedChanges {
  return { up: planChanges(changes), down: planChanges(changes.map(invertChange), 'down') }
}

function scratchOpener(models: Schema, near: DatabaseTarget): () => Promise<Database> {
  return () => openScratchDatabase(near, models.extensions.map((extension) => extension.name))
}

function canonicaliseNear(models: Schema, near: DatabaseTarget, environment: string, options: PlanOptions, cached?: Promise<CacheEntries>): Promise<Schema> {
  const openScratch = scratchOpener(models, near)
  return timeStage(options.onStage, 'canonicalise', () =>
    options.cacheFile === undefined
      ? canonicaliseInScratch(models, openScratch)
      : canonicaliseWithCache(models, { cacheFile: options.cacheFile, environment, openScratch, cached }),
  )
}

/** `migrate autogenerate`: writes `migrations/<timestamp>_<slug>.ts`, or nothing when in sync. */
export async function autogenerate(options: AutogenerateOptions): Promise<AutogenerateResult> {
  const models = sourcedModels(options)
  const plan = await planMigration(models, options.database, options)
  if (plan.up.length === 0) return { file: null, files: [], summary: [], changes: [] }
  const possibleRenames = findPossibleRenames(plan.changes)
  if (possibleRenames.length > 0 && options.allowDrop !== true) throw possibleRenamesError(possibleRenames)

  const steps = migrationSteps(plan.changes, plan.current)
  const files = await timeStage(options.onStage, 'emit', () => writeMigrations(steps, options))
  const changes = steps.flatMap((step) => step.up).map(describeChange)
  return { file: files[files.length - 1], files, summary: changes.map(formatSummaryLine), changes }
}

/** Writes one file per step, chained by their `Parent:` headers; returns their paths. */
async function writeMigrations(steps: readonly MigrationStep[], options: AutogenerateOptions): Promise<readonly string[]> {
  const now = options.now ?? new Date()
  let parent = (await listMigrationFiles(options.migrationsDir)).at(-1)?.name ?? null
  await mkdir(options.migrationsDir, { recursive: true })
  const files: string[] = []
  for (const [i, step] of steps.entries()) {
    const message = `${options.message}${step.suffix}`
    // One second apart, so the file names sort in run order.
    const createdAt = new Date(now.getTime() - (steps.length - 1 - i) * 1000)
    const fileName = newMigrationFileName(message, createdAt)
    const revision = fileName.replace(/\.ts$/, '')
    const path = join(options.migrationsDir, fileName)
    await writeFile(path, emitMigration({ message, revision, parent, createdAt, up: step.up, down: step.down }))
    files.push(relative(process.cwd(), path))
    parent = revision
  }
  return files
}

/** Appended to the message of the migration that only adds enum values. */
const ENUM_VALUES_SUFFIX = ' (enum values)'

interface MigrationStep extends PlannedChanges {
  /** Appended to the migration's message: what sets it apart from the others of the run. */
  readonly suffix: string
}

/**
 * The migrations one autogenerate writes, in run order: added enum values first when other
 * changes may use them (splitEnumAdditions), and a schema too large for one transaction in
 * parts (splitLargeMigration), each with an exact `down` of its own. `current` is the database
 * the changes were found on.
 */
function migrationSteps(changes: readonly Change[], current: Schema): readonly MigrationStep[] {
  const groups = splitEnumAdditions(changes, current)
  return groups.flatMap((group, i): MigrationStep[] => {
    const plan = planOf(group)
    if (i < groups.length - 1) return [{ ...plan, suffix: ENUM_VALUES_SUFFIX }]
    const parts = splitLargeMigration(plan.up)
    if (parts.length === 1) return [{ ...plan, suffix: '' }]
    return parts.map((part, n) => ({ up: part, down: planChanges(part.map(invertChange), 'down'), suffix: ` (part ${n + 1} of ${parts.length})` }))
  })
}

const ACTION_MARK: { readonly [A in ChangeDescription['action']]: string } = { create: '+', alter: '~', drop: '-' }

function formatSummaryLine(change: ChangeDescription): string {
  return `  ${ACTION_MARK[change.action]} ${change.text}${change.destructive ? '  (destructive)' : ''}`
}
