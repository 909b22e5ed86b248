import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { checkCount, runMigrations } from '../run-migrations.js'

type UpArgs = GlobalOptions & { readonly count: number }

export const upCommand: CommandModule<GlobalOptions, UpArgs> = {
  command: 'up [count]',
  describe: 'apply the next pending migration(s)',
  builder: (yargs) =>
    yargs
      .positional('count', { type: 'number', default: 1, coerce: checkCount, describe: 'how many migrations to apply' })
      .example('$0 up 2', 'apply the next two pending migrations'),
  handler: (args) => runMigrations(args, (runner) => runner.up(args.count)),
}
