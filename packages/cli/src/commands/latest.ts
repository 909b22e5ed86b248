import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { runMigrations } from '../run-migrations.js'
import { type RunOptions, withRunOptions } from './run-options.js'

export const latestCommand: CommandModule<GlobalOptions, GlobalOptions & RunOptions> = {
  command: 'latest',
  describe: 'apply every pending migration, each in its own transaction',
  builder: (yargs) => withRunOptions(yargs).example('$0 latest --url postgres://app@localhost/app', 'bring that database to head'),
  handler: (args) => runMigrations(args, (runner) => runner.latest()),
}
