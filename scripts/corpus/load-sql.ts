import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'

/** How to load one corpus schema (its corpus.json, see /work/shared/corpus/README.md). */
export interface CorpusManifest {
  readonly name: string
  readonly extensions: readonly string[]
  readonly roles: readonly string[]
  readonly schemas: readonly { readonly name: string; readonly owner?: string }[]
  readonly search_path: string
  readonly per_file_transaction: boolean
  readonly files: readonly string[]
}

export async function readManifest(dir: string): Promise<CorpusManifest> {
  return JSON.parse(await readFile(join(dir, 'corpus.json'), 'utf8')) as CorpusManifest
}

/**
 * Loads SQL files into the database at `url` the way `psql -f` would: each file as one
 * simple-query string (so `BEGIN`/`COMMIT`, `DO` blocks and dollar quotes work), stopping at the
 * first error; with `perFileTransaction`, each file inside its own transaction (`psql -1`).
 */
export async function loadSqlFiles(url: string, manifest: Omit<CorpusManifest, 'name' | 'files'>, files: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const { name, owner } of manifest.schemas) {
      await client.query(`create schema if not exists ${pg.escapeIdentifier(name)}${owner === undefined ? '' : ` authorization ${pg.escapeIdentifier(owner)}`}`)
    }
    for (const extension of manifest.extensions) await client.query(`create extension if not exists ${pg.escapeIdentifier(extension)}`)
    await client.query(`set search_path = ${manifest.search_path}`)
    for (const file of files) {
      const text = await readFile(file, 'utf8')
      try {
        await client.query(manifest.per_file_transaction ? `begin;\n${text}\n;commit;` : text)
      } catch (error) {
        if (manifest.per_file_transaction) await client.query('rollback').catch(() => {})
        throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  } finally {
    await client.end()
  }
}
