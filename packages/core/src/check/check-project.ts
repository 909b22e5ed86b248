import { readFile } from 'node:fs/promises'
import { type ManagedScope, managedScope, type PlanBase, type PlanOptions, planMigrationFrom } from '../autogenerate.js'
import { cacheEnvironment } from '../canonical/canonical-cache.js'
import { readCatalog } from '../catalog/read-catalog.js'
import type { Database } from '../database/connect.js'
import { withMigrationExtensions } from '../database/migration-extensions.js'
import { openScratchDatabase } from '../database/scratch.js'
import { diffSchemas } from '../diff/diff-schemas.js'
import { MigrationFailedError } from '../errors.js'
import { type ModelSource, sourcedModels } from '../models/read-models-here.js'
import { displayPath, type LoadedMigration, loadMigrations, type ModuleImporter } from '../runner/load-migrations.js'
import { type MigrationStatus, MigrationRunner } from '../runner/migration-runner.js'
import type { MigrationTable } from '../runner/migration-table.js'
import type { Schema } from '../schema/schema.js'
import { timeStage } from '../stage-timings.js'
import { driftFindings, modelFindings } from './change-findings.js'
import { checkHistory } from './check-history.js'
import type { CheckFinding, CheckReport } from './finding.js'
import { readMigrationHeader } from './migration-header.js'

const NO_DATABASE = 'the database: no database URL (--url, DATABASE_URL or .env), so pending, edited and drifted migrations were not checked'
const NOT_REPLAYABLE = 'live drift: the applied migrations are not the first files by name, so they cannot be replayed to compare'

/** `models`, when given, are read while the migrations load and replay (see ModelSource). */
export interface CheckOptions extends PlanOptions, ModelSource {
  readonly migrationsDir: string
  /** The live database, or null: then only models and history are checked. */
  readonly database: Database | null
  readonly migrationTable?: MigrationTable
  readonly importModule?: ModuleImporter
}

/**
 * `migrate check`: (1) every migration replayed on a scratch database against the models,
 * (2) the recorded parent chain against the files, (3) with a database, its applied migrations
 * against the files (pending, missing, edited) and its schema against what the applied ones
 * make (drift). The scratch database sits next to the live one (same server), else it is an
 * embedded PGlite; the applied migrations are replayed on it first for (3), then the rest for (1).
 */
export async function checkProject(options: CheckOptions): Promise<CheckReport> {
  const migrations = await loadMigrations(options.migrationsDir, options.importModule)
  const history = checkHistory(
    await Promise.all(migrations.map(async (m) => ({ name: m.name, file: displayPath(m.path), header: readMigrationHeader(await readFile(m.path, 'utf8')) }))),
  )
  const models = await sourcedModels(options)
  const replay = await replayMigrations(migrations, models, options)
  const drift = replay.result.kind === 'failed' ? [replay.result.finding] : modelFindings((await planMigrationFrom(models, replay.result.base, options)).up, models, displayPath(options.modelsFile))
  return { database: options.database?.label ?? null, findings: [...drift, ...history, ...replay.database], skipped: replay.skipped }
}

/** Every migration replayed: what the scratch database made of them, or the migration that failed there. */
type ReplayResult = { readonly kind: 'replayed'; readonly base: PlanBase } | { readonly kind: 'failed'; readonly finding: CheckFinding }

interface Replay {
  readonly result: ReplayResult
  /** Findings about the live database (pending, edited, missing migrations, drift). */
  readonly database: readonly CheckFinding[]
  readonly skipped: readonly string[]
}

/**
 * Replays the migrations on a scratch database, and returns what was read of it: the scratch is
 * closed when this returns, and no reference to it is left to keep a PGlite's memory alive while
 * the models are canonicalised (planMigrationFrom).
 */
async function replayMigrations(migrations: readonly LoadedMigration[], models: Schema, options: CheckOptions): Promise<Replay> {
  const live = options.database
  // An embedded replay registers the PGlite extensions the migrations create.
  const near = await withMigrationExtensions(live?.target ?? { kind: 'memory' }, options.migrationsDir)
  const scratch = await openScratchDatabase(near)
  try {
    const replay = new MigrationRunner({ db: scratch.db, migrationsDir: options.migrationsDir, importModule: options.importModule })
    const database: CheckFinding[] = []
    const skipped: string[] = []
    if (live === null) skipped.push(NO_DATABASE)
    else {
      const statuses = await new MigrationRunner({
        db: live.db,
        migrationsDir: options.migrationsDir,
        migrationTable: options.migrationTable,
        importModule: options.importModule,
      }).status()
      database.push(...statusFindings(statuses, migrations))
      const applied = statuses.filter((status) => status.applied)
      if (!applied.every((status, index) => migrations[index]?.name === status.name)) skipped.push(NOT_REPLAYABLE)
      else {
        const failed = await timeStage(options.onStage, 'replay migrations', () => replayed(() => replay.up(applied.length), migrations))
        if (failed !== null) database.push(failed)
        else database.push(...(await timeStage(options.onStage, 'read catalog', () => liveDrift(scratch, live, models, options))))
      }
    }
    const failed = await timeStage(options.onStage, 'replay migrations', () => replayed(() => replay.latest(), migrations))
    if (failed !== null) return { result: { kind: 'failed', finding: failed }, database, skipped }
    // The canonical scratch is opened next to what this one was (this one may be gone by then).
    const [current, environment] = await Promise.all([
      timeStage(options.onStage, 'read catalog', () => readCatalog(scratch.db, managedScope(models, options))),
      cacheEnvironment(scratch.db),
    ])
    return { result: { kind: 'replayed', base: { current, near, environment } }, database, skipped }
  } finally {
    await scratch.close()
  }
}

function statusFindings(statuses: readonly MigrationStatus[], migrations: readonly LoadedMigration[]): readonly CheckFinding[] {
  const fileOf = (name: string): string | null => {
    const migration = migrations.find((m) => m.name === name)
    return migration === undefined ? null : displayPath(migration.path)
  }
  const lastApplied = statuses.findLast((status) => status.applied)?.name
  return statuses.flatMap((status): CheckFinding[] => {
    const at = (kind: CheckFinding['kind'], message: string): CheckFinding[] => [{ kind, message, file: fileOf(status.name), line: null }]
    if (status.pending && lastApplied !== undefined && status.name < lastApplied) {
      return at('pending', `${status.name} is not applied and sorts before the applied ${lastApplied}, so it will never run: give it a later name (regenerate it)`)
    }
    if (status.pending) return at('pending', `${status.name} is not applied yet`)
    if (status.missingFile) return at('missingFile', `${status.name} is applied, but its file is gone from the migrations folder`)
    if (status.edited) return at('edited', `${status.name} was edited after it was applied (its checksum differs from the one recorded then)`)
    return []
  })
}

/** Runs a replay on the scratch database; a migration that fails there is a finding, not a crash. */
async function replayed(run: () => Promise<unknown>, migrations: readonly LoadedMigration[]): Promise<CheckFinding | null> {
  try {
    await run()
    return null
  } catch (error) {
    if (!(error instanceof MigrationFailedError)) throw error
    const file = migrations.find((m) => m.name === error.migration)
    return { kind: 'replayFailed', message: `${error.message}, replayed on an empty database`, file: file ? displayPath(file.path) : null, line: null }
  }
}

/** The live schema against the applied migrations replayed on the scratch database, in the managed scope. */
async function liveDrift(scratch: Database, live: Database, models: Schema, scope: ManagedScope): Promise<readonly CheckFinding[]> {
  const options = managedScope(models, scope)
  const [expected, actual] = await Promise.all([readCatalog(scratch.db, options), readCatalog(live.db, options)])
  return driftFindings(diffSchemas(expected, actual))
}
