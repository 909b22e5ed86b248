import { UserError } from '../errors.js'

/**
 * A data directory holding PG_VERSION counts as a cluster (see isInitialised in embedded.ts), so
 * it is unpacked last: an unpack cut short leaves a folder that is no cluster yet.
 */
const CLUSTER_MARKER = 'PG_VERSION'

/** node-tar's note that it made an absolute entry path relative. */
const STRIPPED_ROOT = 'TAR_ENTRY_INFO'

/**
 * Unpacks the snapshot tar of an empty cluster into `into`, streaming (PGlite's loadDataDir holds
 * the tar in memory three times over, ~120 MB the process keeps). False when there is no
 * snapshot yet. `tar` (node-tar, npm's own) refuses entries that would land outside `into`.
 */
export async function unpackSnapshot(file: string, into: string): Promise<boolean> {
  try {
    await unpack(file, into, (path) => !isMarker(path))
    await unpack(file, into, isMarker)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && (error as NodeJS.ErrnoException).path === file) return false
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`the embedded database snapshot ${file} is damaged (${reason}): delete it, the next start makes a new one`)
  }
}

/**
 * PGlite writes entries with absolute paths (`/base/1/...`, relative to the data directory):
 * node-tar strips the leading `/` and says so (TAR_ENTRY_INFO). Any other warning (a damaged
 * entry, which node-tar skips) fails the unpack.
 */
async function unpack(file: string, into: string, filter: (path: string) => boolean): Promise<void> {
  // Loaded here, not with this module: like PGlite in embedded.ts, only a start of PGlite needs it.
  const { extract } = await import('tar')
  const problems: string[] = []
  await extract({ file, cwd: into, filter, onwarn: (code, message) => (code === STRIPPED_ROOT ? undefined : problems.push(String(message))) })
  if (problems.length > 0) throw new Error(problems[0])
}

function isMarker(path: string): boolean {
  return path.replace(/^\.?\/+/, '') === CLUSTER_MARKER
}
