import { join } from 'node:path'
import { type CorpusRow, type RunOptions, timed } from './corpus-row.js'
import { loadSqlFiles, readManifest } from './load-sql.js'
import { type ColumnRename, findColumnRenames } from './rename-hints.js'
import { roundTrip } from './round-trip.js'
import { CORPUS_DIR } from './run-corpus.js'
import { connectDatabase, createDatabase, databaseUrl, ensureRoles } from './server.js'

/** Corpus schemas whose files are an ordered migration chain, cut after every file. */
export const CHAIN_SCHEMAS: readonly string[] = ['supabase-auth']

/** `01-00_init_auth_schema.up.sql` → `supabase-auth/01-00_init_auth_schema`. */
export function chainStepName(schema: string, file: string): string {
  return `${schema}/${file.replace(/(\.\w+)*\.sql$/, '')}`
}

export interface ChainOptions extends RunOptions {
  /** Which steps to run (by chainStepName); the files before them are still loaded. */
  readonly wanted?: (step: string) => boolean
  /** Called with each step's row as soon as it is known. */
  readonly onRow?: (row: CorpusRow) => void
}

/**
 * Every step N of a migration chain: a copy of the database at step N-1, models pulled from the
 * database at step N, autogenerate + latest into the copy, compare the catalogs, and a second
 * autogenerate finds nothing. One database advances file by file (the "head"); before it loads
 * file N it is copied (CREATE DATABASE ... TEMPLATE, ~0.1 s for this size), so no step reloads
 * the chain and each step starts from the upstream state N-1 exactly, whatever the steps
 * before it did. A column the step renames (the same oid and attribute number under a new name)
 * gets the `@renamedFrom` hint a developer would add to the pulled models.
 */
export async function runChain(schema: string, options: ChainOptions = {}): Promise<readonly CorpusRow[]> {
  const dir = join(CORPUS_DIR, 'schemas', schema)
  const manifest = await readManifest(dir)
  const steps = manifest.files.map((file) => ({ file, name: chainStepName(schema, file) }))
  const wanted = options.wanted ?? (() => true)
  const last = steps.findLastIndex((step) => wanted(step.name))
  const dropRoles = await ensureRoles(manifest.roles, options.serverUrl)
  const head = await createDatabase(options.serverUrl)
  // A database can only be copied while nobody is connected to it.
  await head.db.destroy()
  const headUrl = databaseUrl(head.label, options.serverUrl)
  const rows: CorpusRow[] = []
  try {
    await loadSqlFiles(headUrl, manifest, [])
    for (const step of steps.slice(0, last + 1)) {
      if (!wanted(step.name)) {
        await loadSqlFiles(headUrl, manifest, [join(dir, step.file)])
        continue
      }
      const started = Date.now()
      const before = await createDatabase(options.serverUrl, head.label)
      try {
        await loadSqlFiles(headUrl, manifest, [join(dir, step.file)])
        const after = await connectDatabase(head.label, options.serverUrl)
        try {
          const renames = await findColumnRenames(before, after)
          const row = await timed(step.name, () => roundTrip(after, before, { ...options, renames }), started)
          rows.push(renames.length === 0 ? row : { ...row, note: `with ${renames.map(describeRename).join(', ')}` })
          options.onRow?.(rows[rows.length - 1])
        } finally {
          await after.close()
        }
      } finally {
        await before.close()
      }
    }
  } finally {
    await head.close()
    await dropRoles()
  }
  return rows
}

function describeRename(rename: ColumnRename): string {
  return `@renamedFrom ${rename.from} on ${rename.table}.${rename.to}`
}
