import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { runMigrations } from '../run-migrations.js'
import { type RunOptions, withRunOptions } from './run-options.js'

type ToArgs = GlobalOptions & RunOptions & { readonly target: string }

export const toCommand: CommandModule<GlobalOptions, ToArgs> = {
  command: 'to <target>',
  describe: 'migrate up or down until NAME is the last applied migration ("base": revert all)',
  builder: (yargs) =>
    withRunOptions(yargs)
      .positional('target', { type: 'string', demandOption: true, describe: 'a migration name (file name without extension), or base' })
      .example('$0 to 20261122103000_add_email', 'apply or revert until that migration is the last applied')
      .example('$0 to base', 'revert every migration'),
  handler: (args) => runMigrations(args, (runner) => runner.to(args.target)),
}
