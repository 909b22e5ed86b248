import { dirname, join, resolve } from 'node:path'
import type { ManagedScope } from '@kysely-autogen/core'
import { checkLockTimeout, checksumTable, DEFAULT_MIGRATION_TABLE, lockTableName, type MigrationTable } from '@kysely-autogen/core/runtime'
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_MODELS_FILE, DEFAULT_ROOT_INTERFACE, type GlobalOptions } from '../options.js'
import { loadConfig } from './load-config.js'

/** Canonical forms of earlier runs (see canonicaliseWithCache), next to the embedded database. */
const CANONICAL_CACHE_FILE = join('.kysely-autogen', 'cache', 'canonical.json')

/** Where a command finds the project's files (paths absolute), and what the configuration says. */
export interface Project {
  readonly root: string
  /** The configuration file read, null when there is none. */
  readonly configFile: string | null
  readonly modelsFile: string
  readonly rootInterface: string
  readonly migrationsDir: string
  /** The configuration's database URL; `--url` overrides it. */
  readonly url: string | undefined
  readonly scope: ManagedScope
  readonly migrationTable: MigrationTable
  /** The configuration's lock timeout; the runner's default when unset. */
  readonly lockTimeout: string | undefined
  /** Where autogenerate and check keep canonical forms between runs. */
  readonly cacheFile: string
}

/**
 * The project root is the working directory. A flag overrides the configuration's key, which
 * overrides the default; flags are relative to the working directory, the configuration's paths
 * to the configuration file's folder.
 */
export async function resolveProject(options: GlobalOptions, root: string = process.cwd()): Promise<Project> {
  const { config, path } = await loadConfig(root, options.config)
  const configDir = path === null ? root : dirname(path)
  const pathOf = (flag: string | undefined, configured: string | undefined, fallback: string): string =>
    flag !== undefined ? resolve(root, flag) : configured !== undefined ? resolve(configDir, configured) : resolve(root, fallback)
  const migrationTable = { ...DEFAULT_MIGRATION_TABLE, ...config.migrationTable }
  return {
    root,
    configFile: path,
    modelsFile: pathOf(options.models, config.models, DEFAULT_MODELS_FILE),
    rootInterface: config.rootInterface ?? DEFAULT_ROOT_INTERFACE,
    migrationsDir: pathOf(options.migrations, config.migrations, DEFAULT_MIGRATIONS_DIR),
    url: config.url,
    scope: {
      schemas: config.schemas,
      includeTables: config.include,
      // A renamed migration table and its companions are the migrator's own too: never tables to diff.
      excludeTables: [...(config.exclude ?? []), ...migrationTablePatterns(migrationTable)],
    },
    migrationTable,
    lockTimeout: config.lockTimeout === undefined ? undefined : checkLockTimeout(config.lockTimeout),
    cacheFile: resolve(root, CANONICAL_CACHE_FILE),
  }
}

function migrationTablePatterns(table: MigrationTable): readonly string[] {
  const names = [table.name, lockTableName(table), checksumTable(table).name]
  return table.schema === undefined ? names : names.map((name) => `${table.schema}.${name}`)
}
