import { randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import { type Database, openDatabase } from '../../packages/core/src/database/connect.js'

/** The server the corpus runs on: TEST_DATABASE_URL, else a local PostgreSQL. */
export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const DATABASE_PREFIX = 'kysely_autogen_corpus_'

/**
 * A new database on the server, empty (from template0) or a copy of the database `template`
 * (which nobody may be connected to); `close()` drops it.
 */
export async function createDatabase(serverUrl: string = SERVER_URL, template = 'template0'): Promise<Database> {
  const admin = await openDatabase({ kind: 'url', url: serverUrl })
  const name = `${DATABASE_PREFIX}${randomBytes(5).toString('hex')}`
  await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin.db)
  const database = await connectDatabase(name, serverUrl)
  return {
    ...database,
    close: async () => {
      await database.close()
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db)
      await admin.close()
    },
  }
}

/**
 * Opens the database `name`, labelled with its name. Its scratch databases (autogenerate
 * canonicalises in one) are made next to the server's database instead of next to it: a released
 * scratch idles a moment (scratch.ts) with the connection that drops it living in the database it
 * was made next to, and a corpus database is dropped right after its round trip, which would
 * leave the scratch behind.
 */
export async function connectDatabase(name: string, serverUrl: string = SERVER_URL): Promise<Database> {
  const database = await openDatabase({ kind: 'url', url: databaseUrl(name, serverUrl) })
  return { ...database, label: name, target: { kind: 'url', url: serverUrl } }
}

/** The URL of the database `name` on the server. */
export function databaseUrl(name: string, serverUrl: string = SERVER_URL): string {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Creates the roles that do not exist yet; returns a function that drops the ones it created. */
export async function ensureRoles(roles: readonly string[], serverUrl: string = SERVER_URL): Promise<() => Promise<void>> {
  const admin = await openDatabase({ kind: 'url', url: serverUrl })
  const created: string[] = []
  try {
    for (const role of roles) {
      const { rows } = await sql<{ exists: boolean }>`select exists (select from pg_roles where rolname = ${role}) as exists`.execute(admin.db)
      if (rows[0].exists) continue
      await sql`create role ${sql.id(role)} nologin`.execute(admin.db)
      created.push(role)
    }
  } finally {
    await admin.close()
  }
  return async () => {
    const cleanup = await openDatabase({ kind: 'url', url: serverUrl })
    try {
      for (const role of created) await sql`drop role if exists ${sql.id(role)}`.execute(cleanup.db)
    } finally {
      await cleanup.close()
    }
  }
}
