import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { queryUnmanaged } from '../../packages/core/src/catalog/query-unmanaged.js'
import { queryNamespaces } from '../../packages/core/src/catalog/query-namespaces.js'
import { type CorpusRow, type RunOptions, skipped, timed } from './corpus-row.js'
import { type CorpusManifest, loadSqlFiles, readManifest } from './load-sql.js'
import { type RoundTripOptions, roundTrip } from './round-trip.js'
import { createDatabase, databaseUrl, ensureRoles } from './server.js'

export const CORPUS_DIR = process.env.CORPUS_DIR ?? '/work/shared/corpus'
const MIGRA_ROLES: readonly string[] = ['schemainspect_test_role']
const MIGRA_LOADING: Omit<CorpusManifest, 'name' | 'files'> = { extensions: [], roles: MIGRA_ROLES, schemas: [], search_path: 'public', per_file_transaction: true }

/**
 * Upstream's per-case flags that change what is compared (fixtures/migra/README.md):
 * `excludeschema` runs with `--exclude_schema excludedschema`.
 */
const MIGRA_OPTIONS: Readonly<Record<string, RoundTripOptions>> = { excludeschema: { ignoredSchemas: ['excludedschema'] } }

/** Names of the corpus schemas, in order. */
export async function corpusSchemaNames(): Promise<readonly string[]> {
  return (await readdir(join(CORPUS_DIR, 'schemas'))).sort()
}

export async function migraCaseNames(): Promise<readonly string[]> {
  const entries = await readdir(join(CORPUS_DIR, 'fixtures', 'migra'), { withFileTypes: true })
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()
}

/** A corpus schema: load into A, pull, autogenerate + latest into an empty B, compare. */
export async function runSchema(name: string, options: RunOptions = {}): Promise<CorpusRow> {
  const dir = join(CORPUS_DIR, 'schemas', name)
  const manifest = await readManifest(dir)
  const dropRoles = await ensureRoles(manifest.roles, options.serverUrl)
  try {
    return await timed(name, async () => {
      const source = await createDatabase(options.serverUrl)
      const target = await createDatabase(options.serverUrl)
      try {
        await loadSqlFiles(databaseUrl(source.label, options.serverUrl), manifest, manifest.files.map((file) => join(dir, file)))
        return await roundTrip(source, target, options)
      } finally {
        await target.close()
        await source.close()
      }
    })
  } finally {
    await dropRoles()
  }
}

/**
 * A migra case: a.sql into one database, b.sql into another; models pulled from b, migration
 * generated against a and applied there, compared with b. A case whose b.sql holds objects the
 * model language cannot say (views, functions, triggers, policies, partitions...) is skipped.
 */
export async function runMigraCase(name: string, options: RunOptions = {}): Promise<CorpusRow> {
  const dir = join(CORPUS_DIR, 'fixtures', 'migra', name)
  const dropRoles = await ensureRoles(MIGRA_ROLES, options.serverUrl)
  try {
    const from = await createDatabase(options.serverUrl)
    const to = await createDatabase(options.serverUrl)
    try {
      const started = Date.now()
      await loadSqlFiles(databaseUrl(from.label, options.serverUrl), MIGRA_LOADING, [join(dir, 'a.sql')])
      await loadSqlFiles(databaseUrl(to.label, options.serverUrl), MIGRA_LOADING, [join(dir, 'b.sql')])
      const unmanaged = await queryUnmanaged(to.db, await queryNamespaces(to.db))
      if (unmanaged.length > 0) {
        const kinds = [...new Set(unmanaged.map((object) => object.kind))].sort()
        return skipped(name, `b.sql has ${kinds.join(', ')} (not in the model language)`, started)
      }
      return await timed(name, () => roundTrip(to, from, { ...options, ...MIGRA_OPTIONS[name] }), started)
    } finally {
      await to.close()
      await from.close()
    }
  } finally {
    await dropRoles()
  }
}
