import { type Database, MigrationRunner, type MigrationRunnerOptions, openDatabase, withMigrationExtensions } from '@kysely-autogen/core/runtime'
import { resolveDatabase } from './config/resolve-database.js'
import { type Project, resolveProject } from './config/project.js'
import type { GlobalOptions } from './options.js'
import { printVerbose } from './output.js'

export interface Session {
  readonly options: GlobalOptions
  readonly project: Project
  readonly database: Database
  readonly runner: MigrationRunner
}

/** What the commands that run migrations add: progress, and their flags (which override the configuration). */
export type RunSettings = Pick<MigrationRunnerOptions, 'onStep' | 'lockTimeout' | 'allowEdited'>

/**
 * Resolves the project and its database, opens it, runs `work`, and always closes the database
 * (an open pool or PGlite would keep the process alive or leave the data dir locked).
 */
export async function withSession<T>(
  options: GlobalOptions,
  work: (session: Session) => Promise<T>,
  run: RunSettings = {},
): Promise<T> {
  const project = await resolveProject(options)
  const { target, source } = await resolveDatabase(options.url, project.root, process.env, project)
  const database = await openDatabase(await withMigrationExtensions(target, project.migrationsDir))
  try {
    printVerbose(options, `database: ${database.label} (${source})`)
    const runner = new MigrationRunner({
      ...run,
      db: database.db,
      migrationsDir: project.migrationsDir,
      migrationTable: project.migrationTable,
      lockTimeout: run.lockTimeout ?? project.lockTimeout,
    })
    return await work({ options, project, database, runner })
  } finally {
    await database.close()
  }
}
