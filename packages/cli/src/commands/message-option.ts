import type { Argv } from 'yargs'

/** `-m MSG` of `revision` and `autogenerate`: the migration's message and file-name slug. */
export function withMessageOption<T>(yargs: Argv<T>): Argv<T & { readonly message: string }> {
  return yargs.option('message', { alias: 'm', type: 'string', demandOption: true, describe: 'what the migration does; also names the file' })
}
