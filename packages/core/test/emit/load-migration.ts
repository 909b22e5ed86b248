import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'

/** The repository's node_modules, so an emitted file's `import ... from 'kysely'` resolves. */
const NODE_MODULES = resolve('node_modules')

export interface LoadedMigration {
  up(db: Kysely<any>): Promise<void>
  down(db: Kysely<any>): Promise<void>
}

/**
 * Writes an emitted migration to a fresh temp directory and imports it the way a runner would.
 * Under Jest, `import()` of a `.ts` file goes through ts-jest like any test source, so this also
 * proves the file type-checks as TypeScript.
 */
export async function loadMigration(source: string): Promise<{ readonly migration: LoadedMigration; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kysely-autogen-emit-'))
  await symlink(NODE_MODULES, join(dir, 'node_modules'), 'dir')
  // Like the project's own migrations folder: an ES module package. Without it ts-jest (NodeNext)
  // compiles the file as CommonJS and the import fails with "exports is not defined".
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))
  const file = join(dir, 'migration.ts')
  await writeFile(file, source)
  const migration = (await import(pathToFileURL(file).href)) as LoadedMigration
  return { migration, dispose: () => rm(dir, { recursive: true, force: true }) }
}
