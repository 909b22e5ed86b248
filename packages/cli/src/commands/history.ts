import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { formatTime, print, printJson, printTable } from '../output.js'
import { withSession } from '../session.js'

const NOT_APPLIED = 'not applied'

export const historyCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'history',
  describe: 'list every migration, applied or not, with when it was applied',
  builder: (yargs) => yargs.example('$0 history', 'one line per migration, oldest first'),
  handler: (args) =>
    withSession(args, async ({ runner }) => {
      const migrations = await runner.status()
      if (args.format === 'json') return printJson({ migrations })
      if (migrations.length === 0) return print('No migrations')
      printTable(
        ['migration', 'applied at'],
        migrations.map((migration) => [migration.name, migration.executedAt === null ? NOT_APPLIED : formatTime(migration.executedAt)]),
      )
    }),
}
