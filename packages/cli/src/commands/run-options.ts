import { checkLockTimeout, DEFAULT_LOCK_TIMEOUT } from '@kysely-autogen/core/runtime'
import type { Argv } from 'yargs'

export interface RunOptions {
  readonly lockTimeout: string | undefined
  readonly allowEdited: boolean
}

/**
 * The flags of the commands that run migrations (`latest`, `up`, `down`, `to`). yargs gives
 * `--lock-timeout` as `lockTimeout` too, but its types say so only for parsed arguments.
 */
export function withRunOptions<T>(yargs: Argv<T>): Argv<T & RunOptions> {
  return yargs
    .option('lock-timeout', {
      type: 'string',
      coerce: (value: string | undefined) => (value === undefined ? undefined : checkLockTimeout(value)),
      describe: `how long a migration statement waits for a lock before failing (e.g. 500ms, 10s, 2min; 0 waits forever; default ${DEFAULT_LOCK_TIMEOUT} or the configuration's lockTimeout)`,
    })
    .option('allow-edited', {
      type: 'boolean',
      default: false,
      describe: 'run even though applied migrations were edited since, and record their new checksums',
    }) as unknown as Argv<T & RunOptions>
}
