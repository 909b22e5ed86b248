import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository's node_modules, so migration files in a temp folder can import 'kysely'. */
const REPO_NODE_MODULES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../node_modules')

export interface TempProject {
  readonly dir: string
  readonly migrationsDir: string
  write(path: string, text: string): Promise<void>
  remove(): Promise<void>
}

/** An ES-module project, as kysely (ESM-only) projects are. */
const PACKAGE_JSON = JSON.stringify({ name: 'temp-project', private: true, type: 'module' })

/** A throw-away project folder: `files` are paths relative to it (`migrations/001_a.ts`). */
export async function createTempProject(files: Readonly<Record<string, string>> = {}): Promise<TempProject> {
  const dir = await mkdtemp(join(tmpdir(), 'kysely-autogen-test-'))
  await symlink(REPO_NODE_MODULES, join(dir, 'node_modules'), 'dir')
  const write = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  await write('package.json', PACKAGE_JSON)
  for (const [path, text] of Object.entries(files)) await write(path, text)
  return { dir, migrationsDir: join(dir, 'migrations'), write, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** A kysely-ctl style migration file (no header) running `up` and `down` SQL. */
export function sqlMigration(up: string, down?: string): string {
  const downFunction =
    down === undefined ? '' : `\nexport async function down(db: Kysely<any>): Promise<void> {\n  await sql.raw(${JSON.stringify(down)}).execute(db)\n}\n`
  return `import type { Kysely } from 'kysely'
import { sql } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await sql.raw(${JSON.stringify(up)}).execute(db)
}
${downFunction}`
}
