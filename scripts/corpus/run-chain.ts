import { join } from 'node:path'
import type { Database } from '../../packages/core/src/database/connect.js'
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
 * autogenerate finds nothing. One database (the head) loads the files one by one and is copied
 * before each step (CREATE DATABASE ... TEMPLATE: ~0.25 s at supabase-auth's size, where loading
 * files 1..N-1 again would cost up to ~4 s a step), so each step starts from upstream's state N-1
 * exactly, whatever the steps before it did. A column the step renames (the same oid and
 * attribute number under a new name) gets the `@renamedFrom` hint a developer would add.
 */
export async function runChain(schema: string, options: ChainOptions = {}): Promise<readonly CorpusRow[]> {
  const dir = join(CORPUS_DIR, 'schemas', schema)
  const manifest = await readManifest(dir)
  const steps = manifest.files.map((file) => ({ path: join(dir, file), name: chainStepName(schema, file) }))
  const wanted = options.wanted ?? (() => true)
  const last = steps.findLastIndex((step) => wanted(step.name))
  const dropRoles = await ensureRoles(manifest.roles, options.serverUrl)
  const head = await createDatabase(options.serverUrl)
  // A database can only be copied while nobody is connected to it.
  await head.db.destroy()
  const load = (files: readonly string[]): Promise<void> => loadSqlFiles(databaseUrl(head.label, options.serverUrl), manifest, files)
  const rows: CorpusRow[] = []
  try {
    await load([])
    for (const step of steps.slice(0, last + 1)) {
      if (!wanted(step.name)) {
        await load([step.path])
        continue
      }
      const before = await createDatabase(options.serverUrl, head.label)
      try {
        const row = await runStep(step.name, before, () => load([step.path]), head.label, options)
        rows.push(row)
        options.onRow?.(row)
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

/** One step: `advance` takes the head from N-1 (what `before` holds) to N. */
async function runStep(name: string, before: Database, advance: () => Promise<void>, head: string, options: ChainOptions): Promise<CorpusRow> {
  const started = Date.now()
  await advance()
  const after = await connectDatabase(head, options.serverUrl)
  try {
    const renames = await findColumnRenames(before, after)
    const row = await timed(name, () => roundTrip(after, before, { ...options, renames }), started)
    return renames.length === 0 ? row : { ...row, note: `with ${renames.map(describeRename).join(', ')}` }
  } finally {
    await after.close()
  }
}

function describeRename(rename: ColumnRename): string {
  return `@renamedFrom ${rename.from} on ${rename.table}.${rename.to}`
}
