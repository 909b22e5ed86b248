import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { pgliteExtensions } from './pglite-extensions.js'
import { unpackSnapshot } from './unpack-snapshot.js'

/** PGlite's version, part of the snapshot's name so an upgrade never loads an old data dir. */
const PGLITE_VERSION = '0.5'
const SNAPSHOT_FILE = join(tmpdir(), `kysely-autogen-pglite-${PGLITE_VERSION}-${process.getuid?.() ?? 0}.tar`)

/**
 * Opens an embedded PostgreSQL (PGlite). With a data directory it persists there; without one it
 * lives in memory. A fresh PGlite spends ~3.5 s in initdb; one started from a saved snapshot of an
 * empty cluster takes ~0.5 s, so the first start that runs initdb saves one in the temp folder,
 * and new clusters (in memory, or a data directory's first start) start from it when it exists.
 *
 * `extensions` are the contrib extensions to register (see pglite-extensions.ts): registration
 * happens at every start, whatever the data directory holds, so it is an option of the open and
 * never part of the snapshot (which stays an empty cluster, valid for any extension set).
 * `settings` (`name=value`) are PostgreSQL settings for this start only, like `-c` of postgres.
 */
export async function openPGlite(dataDir?: string, extensionNames: readonly string[] = [], settings: readonly string[] = []): Promise<PGlite> {
  // Loaded here, not with this module: every command loads it, most talk to a server, and
  // compiling PGlite's JavaScript took ~50 ms of CPU.
  const { PGlite } = await import('@electric-sql/pglite')
  const extensions = await pgliteExtensions(extensionNames)
  // startParams replaces PGlite's own parameters (single-user mode, fsync off...): extend them.
  const options = { dataDir, extensions, startParams: [...PGlite.defaultStartParams, ...settings.flatMap((setting) => ['-c', setting])] }
  if (dataDir !== undefined && (await isInitialised(dataDir))) return PGlite.create(options)
  if (dataDir === undefined) {
    const snapshot = await readSnapshot()
    if (snapshot !== null) return PGlite.create({ ...options, loadDataDir: snapshot })
  } else {
    await mkdir(dataDir, { recursive: true })
    // Not loadDataDir: PGlite holds the tar in memory three times over while it unpacks it
    // (~120 MB that the process keeps): unpackSnapshot streams it.
    if (await unpackSnapshot(SNAPSHOT_FILE, dataDir)) return PGlite.create(options)
  }
  const pglite = await PGlite.create(options)
  // Just made by initdb, the cluster is empty: the snapshot never holds a project's data.
  await saveSnapshot(pglite)
  return pglite
}

/** initdb has run in the folder (PostgreSQL writes PG_VERSION first). */
async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(`${dataDir}/PG_VERSION`)
    return true
  } catch {
    return false
  }
}

async function readSnapshot(): Promise<Blob | null> {
  try {
    return new Blob([await readFile(SNAPSHOT_FILE)])
  } catch {
    return null
  }
}

async function saveSnapshot(pglite: PGlite): Promise<void> {
  const blob = await pglite.dumpDataDir('none')
  // Write then rename, so a concurrent reader never sees half a snapshot.
  const partial = `${SNAPSHOT_FILE}.${process.pid}`
  await writeFile(partial, Buffer.from(await blob.arrayBuffer()))
  await rename(partial, SNAPSHOT_FILE)
}
