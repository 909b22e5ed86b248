import { resolve } from 'node:path'
import { ModelReaderThread, type ModelsRequest } from '@kysely-autogen/core/model-reader'
import { DEFAULT_MODELS_FILE, DEFAULT_ROOT_INTERFACE } from './options.js'

/** The commands that read models. */
const MODEL_COMMANDS: ReadonlySet<string> = new Set(['autogenerate', 'check'])
const MODELS_FLAG = '--models'

let preloaded: ModelReaderThread | null = null

/**
 * Called by bin/migrate.js before the CLI's own modules load (~0.4 s): when the command line
 * names a command that reads models, the model reader thread starts now, loads the TypeScript
 * compiler on the other core and reads the models the command will most likely ask for (see
 * likelyModels). A word that only looks like such a command (`revision -m check`) costs an idle
 * thread, which ends with the process. This module imports nothing heavy, so that nothing loads
 * before the thread starts.
 */
export function preloadModelReader(argv: readonly string[]): void {
  if (argv.some((word) => MODEL_COMMANDS.has(word))) preloaded = new ModelReaderThread(likelyModels(argv))
}

/** The preloaded thread, once; else a new one. */
export function takeModelReader(): ModelReaderThread {
  const reader = preloaded ?? new ModelReaderThread()
  preloaded = null
  return reader
}

/**
 * `--models`, else the default file, with the default root interface, as the project resolves
 * them when the configuration file does not set them. The configuration is not read here (that
 * takes tsx, ~0.3 s); when it names other models, the thread reads those when asked.
 */
function likelyModels(argv: readonly string[]): ModelsRequest {
  return { entryFile: resolve(flagValue(argv, MODELS_FLAG) ?? DEFAULT_MODELS_FILE), options: { rootInterface: DEFAULT_ROOT_INTERFACE } }
}

/** `--flag value` or `--flag=value`; the last one given wins, as in yargs. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  let value: string | undefined
  for (const [i, word] of argv.entries()) {
    if (word === flag && i + 1 < argv.length) value = argv[i + 1]
    else if (word.startsWith(`${flag}=`)) value = word.slice(flag.length + 1)
  }
  return value
}
