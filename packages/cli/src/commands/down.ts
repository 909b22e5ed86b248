import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { checkCount, runMigrations } from '../run-migrations.js'
import { type RunOptions, withRunOptions } from './run-options.js'

type DownArgs = GlobalOptions & RunOptions & { readonly count: number }

export const downCommand: CommandModule<GlobalOptions, DownArgs> = {
  command: 'down [count]',
  describe: 'revert the last applied migration(s)',
  builder: (yargs) =>
    withRunOptions(yargs)
      .positional('count', { type: 'number', default: 1, coerce: checkCount, describe: 'how many migrations to revert' })
      .example('$0 down', 'revert the last applied migration'),
  handler: (args) => runMigrations(args, (runner) => runner.down(args.count)),
}
