import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { UserError } from '../errors.js'
import { openPGlite } from './embedded.js'
import { PGliteDialect } from './pglite-dialect.js'

/** Where a command's database is: a PostgreSQL URL, or the embedded database. */
export type DatabaseTarget =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly extensions?: readonly string[] }
  | { readonly kind: 'memory'; readonly extensions?: readonly string[] }

export interface Database {
  readonly db: Kysely<any>
  readonly target: DatabaseTarget
  /** How to name the database in messages: never contains a password. */
  readonly label: string
  close(): Promise<void>
}

/** Opens the target and proves the connection works, so a bad URL fails here with exit 2. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind !== 'url') {
    const pglite = await openPGlite(target.kind === 'embedded' ? target.dataDir : undefined, target.extensions)
    const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) })
    const label = target.kind === 'embedded' ? `embedded database (${target.dataDir})` : 'in-memory embedded database'
    return {
      db,
      target,
      label,
      close: async () => {
        await db.destroy()
        await pglite.close()
      },
    }
  }
  const label = redactUrl(target.url)
  const pool = new pg.Pool({ connectionString: target.url, max: 4 })
  // An idle client whose server session ends (a scratch database dropped WITH (FORCE), a server
  // restart) makes the pool emit 'error'; unhandled, that would crash the process. The next query
  // on a fresh client reports any real problem. A client in use (its query running when its
  // database is dropped WITH (FORCE)) emits 'error' on itself, which the pool does not listen to
  // while the client is out: its query's promise rejects with that error anyway.
  pool.on('error', () => {})
  pool.on('connect', (client) => client.on('error', () => {}))
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
  try {
    // Through Kysely, not the pool: its driver adopts the pool on first use, and only a driver
    // that adopted it ends it on destroy (else the probe's idle client keeps the database in use).
    await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy().catch(() => {})
    throw new UserError(`cannot connect to ${label}: ${redactMessage(error, target.url)}`)
  }
  return { db, target, label, close: () => db.destroy() }
}

/** `postgres://user:secret@host/db` → `postgres://user:***@host/db`; rejects what is no URL. */
export function redactUrl(url: string): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new UserError(`malformed database URL "${redactUnparsed(url)}": expected postgres://user:password@host:port/database`)
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new UserError(`unsupported database URL scheme "${parsed.protocol}": expected postgres:// or postgresql://`)
  }
  if (parsed.password !== '') parsed.password = '***'
  return parsed.toString()
}

/** Best effort for text that is not even a URL: hide whatever sits between `:` and `@`. */
function redactUnparsed(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@')
}

function redactMessage(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const password = safePassword(url)
  return password === '' ? message : message.replaceAll(password, '***')
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password)
  } catch {
    return ''
  }
}
