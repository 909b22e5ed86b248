import type { Migration, MigrationProvider } from 'kysely/migration'
import { loadMigrations, type ModuleImporter } from './load-migrations.js'

export type { ModuleImporter } from './load-migrations.js'

/** Kysely's MigrationProvider over a folder of migration files (see `loadMigrations`); files are imported once. */
export class FileMigrationProvider implements MigrationProvider {
  readonly #dir: string
  readonly #importModule: ModuleImporter | undefined
  #migrations: Promise<Record<string, Migration>> | undefined

  /** `importModule` is for hosts that load TypeScript their own way (Jest refuses tsx's hooks). */
  constructor(dir: string, importModule?: ModuleImporter) {
    this.#dir = dir
    this.#importModule = importModule
  }

  getMigrations(): Promise<Record<string, Migration>> {
    this.#migrations ??= loadMigrations(this.#dir, this.#importModule).then((loaded) =>
      Object.fromEntries(loaded.map((file) => [file.name, file.migration])),
    )
    return this.#migrations
  }
}
