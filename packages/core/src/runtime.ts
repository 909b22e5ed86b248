/**
 * `@kysely-autogen/core/runtime`: everything that does not load the TypeScript compiler (~0.4 s
 * of a start) on this thread, so a command that only runs migrations, prints SQL or pulls a
 * database never loads it, and `autogenerate` loads it on the worker thread that reads the
 * models (ModelReaderThread). Not here: readModels.
 */
export * from './schema/schema.js'
export * from './schema/names.js'
export * from './errors.js'
export * from './stage-timings.js'
export * from './autogenerate.js'
export { checkProject, type CheckOptions } from './check/check-project.js'
export { ModelReaderThread } from './models/read-models-on-thread.js'
export * from './diff/change.js'
export * from './diff/invert-change.js'
export * from './database/connect.js'
export * from './database/scratch.js'
export { withMigrationExtensions } from './database/migration-extensions.js'
export * from './runner/migration-files.js'
export * from './runner/file-migration-provider.js'
export * from './runner/load-migrations.js'
export * from './runner/checksums.js'
export * from './runner/lock-timeout.js'
export * from './runner/migration-runner.js'
export * from './runner/migration-table.js'
export * from './runner/stamp.js'
export * from './runner/offline-sql.js'
export { readCatalog, type ReadCatalogOptions } from './catalog/read-catalog.js'
export { diffSchemas } from './diff/diff-schemas.js'
export { planChanges } from './plan/plan-changes.js'
export { emitMigration, type MigrationInput } from './emit/kysely/emit-migration.js'
export { pullModels } from './pull/pull-models.js'
export * from './emit/index.js'
export type { CheckFinding, CheckReport, FindingKind } from './check/finding.js'
