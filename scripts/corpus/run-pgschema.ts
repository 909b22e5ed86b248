import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { queryNamespaces } from '../../packages/core/src/catalog/query-namespaces.js'
import { queryUnmanaged } from '../../packages/core/src/catalog/query-unmanaged.js'
import type { Database } from '../../packages/core/src/database/connect.js'
import { type CorpusRow, type RunOptions, skipped, timed } from './corpus-row.js'
import { type CorpusManifest, loadSqlFiles } from './load-sql.js'
import { roundTrip } from './round-trip.js'
import { CORPUS_DIR } from './run-corpus.js'
import { createDatabase, databaseUrl, ensureRoles } from './server.js'

const PGSCHEMA_DIR = join(CORPUS_DIR, 'fixtures', 'pgschema')

/**
 * Roles the cases use: `testuser` is upstream's login role (a policy names it); the privilege
 * cases create the others themselves (`DO ... IF NOT EXISTS ... CREATE ROLE`), so creating them
 * first makes them ours to drop afterwards (roles are cluster-wide).
 */
export const PGSCHEMA_ROLES: readonly string[] = [
  'testuser', 'admin_role', 'admin_user', 'api_role', 'api_user', 'app_role', 'app_user', 'column_reader',
  'manager_role', 'old_role', 'owner_role', 'reader', 'readonly_role', 'readonly_user', 'test_admin',
]

/**
 * As upstream loads them: setup.sql (when the case has one) then the file, each in one
 * transaction, with `search_path = public`. Upstream first drops and re-creates `public`; a
 * database fresh from template0 has the same empty `public`, so both sides start equal.
 */
const LOADING: Omit<CorpusManifest, 'name' | 'files'> = { extensions: [], roles: [], schemas: [], search_path: 'public', per_file_transaction: true }

/** `create_table/add_fk`, ... in order. */
export async function pgschemaCaseNames(): Promise<readonly string[]> {
  const categories = await readdir(PGSCHEMA_DIR, { withFileTypes: true })
  const names = await Promise.all(
    categories
      .filter((entry) => entry.isDirectory())
      .map(async (category) => (await readdir(join(PGSCHEMA_DIR, category.name))).map((name) => `${category.name}/${name}`)),
  )
  return names.flat().sort()
}

/**
 * A pgschema case, like a migra case: old.sql into one database, new.sql into another; models
 * pulled from new, autogenerate against old, apply, compare with new. Skipped when a file does
 * not load here (with PostgreSQL's reason), or when either side holds something the model
 * language cannot say (a round trip would leave it alone, so "exact" would prove nothing).
 * Run with the roles of PGSCHEMA_ROLES present (see ensurePgschemaRoles).
 */
export async function runPgschemaCase(name: string, options: RunOptions = {}): Promise<CorpusRow> {
  const dir = join(PGSCHEMA_DIR, name)
  const setup = (await exists(join(dir, 'setup.sql'))) ? [join(dir, 'setup.sql')] : []
  const started = Date.now()
  const old = await createDatabase(options.serverUrl)
  const next = await createDatabase(options.serverUrl)
  try {
    for (const [database, file] of [[old, 'old.sql'], [next, 'new.sql']] as const) {
      try {
        await loadSqlFiles(databaseUrl(database.label, options.serverUrl), LOADING, [...setup, join(dir, file)])
      } catch (error) {
        return skipped(name, `does not load: ${error instanceof Error ? error.message : String(error)}`, started)
      }
    }
    const unexpressible = [...(await describeUnmanaged(old, 'old.sql')), ...(await describeUnmanaged(next, 'new.sql'))]
    if (unexpressible.length > 0) return skipped(name, unexpressible.join('; '), started)
    return await timed(name, () => roundTrip(next, old, options), started)
  } finally {
    await next.close()
    await old.close()
  }
}

/** `new.sql has view public.v, function public.f()`, or nothing. */
async function describeUnmanaged(database: Database, file: string): Promise<readonly string[]> {
  const objects = await queryUnmanaged(database.db, await queryNamespaces(database.db))
  return objects.length === 0 ? [] : [`${file} has ${objects.map((object) => `${object.kind} ${object.name}`).join(', ')}`]
}

/** Creates the roles the cases need that do not exist yet; returns a function that drops them. */
export function ensurePgschemaRoles(serverUrl?: string): Promise<() => Promise<void>> {
  return ensureRoles(PGSCHEMA_ROLES, serverUrl)
}

/** Runs `run` with the roles the cases need, created first and dropped after. */
export async function withPgschemaRoles<T>(run: () => Promise<T>, serverUrl?: string): Promise<T> {
  const dropRoles = await ensurePgschemaRoles(serverUrl)
  try {
    return await run()
  } finally {
    await dropRoles()
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}
