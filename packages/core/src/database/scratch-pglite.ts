import type { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import type { Database } from './connect.js'
import { openPGlite } from './embedded.js'
import { PGliteDialect } from './pglite-dialect.js'

/**
 * In-memory scratch PGlites, reused within the process: starting one costs ~0.7 s even from the
 * empty-cluster snapshot, while emptying one costs a few milliseconds, and canonicalising runs
 * once per autogenerate (and per test case). A closed scratch is emptied and kept for the next
 * open with the same extensions (registered at start, so part of the key); concurrent opens get
 * different instances.
 */
const idle = new Map<string, PGlite[]>()

/**
 * How long an emptied scratch waits for its next use before it is closed: a PGlite keeps the
 * process alive while it is open, so a command must not end with one idle. Back-to-back
 * canonicalisations (a test case, `check`) reuse it; a CLI run exits this much later.
 */
const IDLE_MS = 300

const LABEL = 'in-memory embedded database'

/** Schemas and extensions a fresh cluster has; everything else is dropped on release. */
const SYSTEM_SCHEMAS = ['pg_catalog', 'information_schema', 'pg_toast']
const BUILT_IN_EXTENSIONS = ['plpgsql']

export async function openScratchPGlite(extensions: readonly string[]): Promise<Database> {
  const key = [...extensions].sort().join(',')
  const pglite = idle.get(key)?.pop() ?? (await openPGlite(undefined, extensions))
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) })
  return {
    db,
    target: { kind: 'memory', extensions },
    label: LABEL,
    close: async () => {
      try {
        await empty(db)
      } catch (error) {
        await db.destroy()
        await pglite.close()
        throw error
      }
      await db.destroy()
      keepIdle(key, pglite)
    },
  }
}

function keepIdle(key: string, pglite: PGlite): void {
  idle.set(key, [...(idle.get(key) ?? []), pglite])
  setTimeout(() => {
    const waiting = idle.get(key) ?? []
    // Taken again meanwhile: its next release starts a new wait.
    if (!waiting.includes(pglite)) return
    idle.set(key, waiting.filter((other) => other !== pglite))
    void pglite.close()
  }, IDLE_MS)
}

/** Back to an empty cluster: extensions and user schemas (with all they hold) go. */
async function empty(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ statement: string }>`
    select statement from (
      select 1 as step, format('drop extension if exists %I cascade', extname) as statement
      from pg_catalog.pg_extension where extname not in (${sql.join(BUILT_IN_EXTENSIONS)})
      union all
      select 2, format('drop schema if exists %I cascade', nspname) from pg_catalog.pg_namespace
      where nspname not in (${sql.join(SYSTEM_SCHEMAS)}) and nspname not like 'pg\_temp\_%' and nspname not like 'pg\_toast\_temp\_%'
    ) as drops
    order by step
  `.execute(db)
  await sql.raw([...rows.map((row) => row.statement), 'create schema public'].join(';\n')).execute(db)
}
