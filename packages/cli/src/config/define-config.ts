/**
 * `migrate.config.ts`: every key is optional, and a command-line flag overrides its key.
 *
 * ```ts
 * import { defineConfig } from 'kysely-autogen'
 *
 * export default defineConfig({
 *   models: 'src/db/models.ts',
 *   migrations: 'src/db/migrations',
 *   exclude: ['spatial_ref_sys', 'legacy_*'],
 * })
 * ```
 */
export interface MigrateConfig {
  /** The file holding the root interface (default `models/index.ts`), relative to the config file. */
  readonly models?: string
  /** The interface whose keys are the tables (default `DB`). */
  readonly rootInterface?: string
  /** The folder of migration files (default `migrations`), relative to the config file. */
  readonly migrations?: string
  /** The database; default `DATABASE_URL` (environment, `.env.local`, `.env`), else the embedded database. */
  readonly url?: string
  /** Schemas managed even before a model lives in them, like `@schema` on the root interface. */
  readonly schemas?: readonly string[]
  /** Only tables matching one of these are read from the database (`name` or `schema.name`, `*` any run of characters). */
  readonly include?: readonly string[]
  /** Tables never read from the database, so never dropped: owned by something else. Same patterns as `include`. */
  readonly exclude?: readonly string[]
  /** Where applied migrations are recorded (default Kysely's `kysely_migration`, lock table `<name>_lock`). */
  readonly migrationTable?: { readonly name?: string; readonly schema?: string }
  /** PostgreSQL's `lock_timeout` while migrations run (`10s` by default; `500ms`, `2min`; `0` waits forever). */
  readonly lockTimeout?: string
}

/** Types a configuration object; returns it unchanged (as kysely-ctl's `defineConfig` does). */
export function defineConfig(config: MigrateConfig): MigrateConfig {
  return config
}
