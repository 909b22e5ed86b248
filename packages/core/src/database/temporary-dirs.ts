import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Signals that end a process by default. Their default action skips 'exit' listeners, so while a
 * folder exists they are caught, the folders removed, and the signal raised again.
 */
const FATAL_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']

/** Folders made and not removed yet. */
const live = new Set<string>()

/**
 * A new folder under the OS temp folder, removed by `removeTemporaryDir`, or when the process
 * exits or is ended by a signal first (a crash, Ctrl-C, CI cancelling the job). A folder is only
 * left behind by SIGKILL or a power cut, in the OS temp folder, which the OS cleans.
 */
export async function makeTemporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  if (live.size === 0) watchProcessEnd()
  live.add(dir)
  return dir
}

export async function removeTemporaryDir(dir: string): Promise<void> {
  live.delete(dir)
  if (live.size === 0) unwatchProcessEnd()
  await rm(dir, { recursive: true, force: true })
}

// The listeners exist only while a folder does, so a process without one keeps its own signal handling.
function watchProcessEnd(): void {
  process.on('exit', removeAllNow)
  for (const signal of FATAL_SIGNALS) process.on(signal, onFatalSignal)
}

function unwatchProcessEnd(): void {
  process.off('exit', removeAllNow)
  for (const signal of FATAL_SIGNALS) process.off(signal, onFatalSignal)
}

/** Synchronous: an 'exit' listener cannot wait. */
function removeAllNow(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true })
  live.clear()
}

function onFatalSignal(signal: NodeJS.Signals): void {
  // Another listener handles the signal: it decides whether the process ends ('exit' cleans up then).
  if (process.listenerCount(signal) > 1) return
  removeAllNow()
  unwatchProcessEnd()
  // Without listeners the signal's default action applies again: the process ends by the signal.
  process.kill(process.pid, signal)
}
