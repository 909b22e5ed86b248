import { randomBytes } from 'node:crypto'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type AutogenerateResult, autogenerate } from '../../src/autogenerate.js'
import type { Database } from '../../src/database/connect.js'
import { MigrationRunner } from '../../src/runner/migration-runner.js'

/**
 * Test projects live inside the repository (`.kysely-autogen/test-projects/`, git-ignored) so that
 * generated migrations resolve `kysely` from its node_modules, as they would in a user's project.
 */
const PROJECTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '.kysely-autogen', 'test-projects')

/** Under Jest, TypeScript migration files are imported through Jest's own transform. */
const importThroughJest = (path: string): Promise<Record<string, unknown>> => import(path)

export interface TestProject {
  readonly dir: string
  readonly modelsFile: string
  readonly migrationsDir: string
  /** Replaces the models folder with these files (`index.ts` is the entry). */
  writeModels(files: Readonly<Record<string, string>>): Promise<void>
  autogenerate(message: string, options?: { readonly allowDrop?: boolean }): Promise<AutogenerateResult>
  latest(): Promise<void>
  /** Reverts the last `count` applied migrations (one by default). */
  down(count?: number): Promise<void>
  remove(): Promise<void>
}

export async function createTestProject(database: Database): Promise<TestProject> {
  const dir = join(PROJECTS_DIR, randomBytes(6).toString('hex'))
  const modelsDir = join(dir, 'models')
  const migrationsDir = join(dir, 'migrations')
  const runner = (): MigrationRunner =>
    new MigrationRunner({ db: database.db, migrationsDir, importModule: importThroughJest })
  // Two autogenerates in the same second would get the same timestamp: keep file names apart.
  let clock = Date.UTC(2026, 0, 1)
  return {
    dir,
    modelsFile: join(modelsDir, 'index.ts'),
    migrationsDir,
    async writeModels(files) {
      await rm(modelsDir, { recursive: true, force: true })
      for (const [name, text] of Object.entries(files)) {
        await mkdir(dirname(join(modelsDir, name)), { recursive: true })
        await writeFile(join(modelsDir, name), text)
      }
    },
    autogenerate(message, options = {}) {
      clock += 60_000
      return autogenerate({
        modelsFile: join(modelsDir, 'index.ts'),
        rootInterface: 'DB',
        migrationsDir,
        message,
        database,
        now: new Date(clock),
        ...options,
      })
    },
    async latest() {
      await runner().latest()
    },
    async down(count = 1) {
      await runner().down(count)
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
