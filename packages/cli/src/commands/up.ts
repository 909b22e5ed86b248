import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { checkCount, runMigrations } from '../run-migrations.js'
import { type RunOptions, withRunOptions } from './run-options.js'

type UpArgs = GlobalOptions & RunOptions & { readonly count: number }

export const upCommand: CommandModule<GlobalOptions, UpArgs> = {
  command: 'up [count]',
  describe: 'apply the next pending migration(s)',
  builder: (yargs) =>
    withRunOptions(yargs)
      .positional('count', { type: 'number', default: 1, coerce: checkCount, describe: 'how many migrations to apply' })
      .example('$0 up 2', 'apply the next two pending migrations'),
  handler: (args) => runMigrations(args, (runner) => runner.up(args.count)),
}
