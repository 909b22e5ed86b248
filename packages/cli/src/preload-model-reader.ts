import { ModelReaderThread } from '@kysely-autogen/core/model-reader'

/** The commands that read models. */
const MODEL_COMMANDS: ReadonlySet<string> = new Set(['autogenerate', 'check'])

let preloaded: ModelReaderThread | null = null

/**
 * Called by bin/migrate.js before the CLI's own modules load (~0.4 s): when the command line
 * names a command that reads models, the model reader thread starts now, and the TypeScript
 * compiler loads on the other core meanwhile. A word that only looks like such a command
 * (`revision -m check`) costs an idle thread, which ends with the process. This module imports
 * nothing else, so that nothing loads before the thread starts.
 */
export function preloadModelReader(argv: readonly string[]): void {
  if (argv.some((word) => MODEL_COMMANDS.has(word))) preloaded = new ModelReaderThread()
}

/** The preloaded thread, once; else a new one. */
export function takeModelReader(): ModelReaderThread {
  const reader = preloaded ?? new ModelReaderThread()
  preloaded = null
  return reader
}
