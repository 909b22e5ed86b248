import { join } from 'node:path'
import { sql } from 'kysely'
import { type Database, openDatabase } from '../../core/src/database/connect.js'
import { type Backend, openTestDatabase } from '../../core/test/support/test-databases.js'

/** Where the CLI keeps a project's embedded database (DESIGN.md: a dot-folder of the project). */
export const EMBEDDED_DATA_DIR = join('.kysely-autogen', 'pglite')

/** The database a CLI test runs against, and a look at its catalog between commands. */
export interface CliTarget {
  /** `--url ...` for the server; nothing for the embedded default. */
  readonly args: readonly string[]
  /** User tables in `public`, sorted, without Kysely's own. */
  tables(): Promise<readonly string[]>
  close(): Promise<void>
}

/**
 * The server: a scratch database passed with --url. Embedded: no URL at all, so the CLI opens
 * `<project>/.kysely-autogen/pglite`; the test opens it only while no CLI process has it.
 */
export async function openCliTarget(backend: Backend, projectDir: string): Promise<CliTarget> {
  if (backend === 'server') {
    const scratch = await openTestDatabase('server')
    if (scratch.target.kind !== 'url') throw new Error('a server scratch database has a URL')
    return { args: ['--url', scratch.target.url], tables: () => userTables(scratch), close: () => scratch.close() }
  }
  const tables = async (): Promise<readonly string[]> => {
    const database = await openDatabase({ kind: 'embedded', dataDir: join(projectDir, EMBEDDED_DATA_DIR) })
    try {
      return await userTables(database)
    } finally {
      await database.close()
    }
  }
  return { args: [], tables, close: async () => {} }
}

async function userTables(database: Database): Promise<readonly string[]> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename not like 'kysely_migration%' order by 1`.execute(database.db)
  return rows.map((row) => row.name)
}
