import { BASE } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import { migrationState } from '../migration-state.js'
import type { GlobalOptions } from '../options.js'
import { formatTime, plural, print, printJson, printTable } from '../output.js'
import { withSession } from '../session.js'

export const statusCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'status',
  describe: 'show which migrations are applied, edited since applied, pending, or applied with their file missing',
  builder: (yargs) => yargs.example('$0 status --format json', 'the same as JSON, for scripts'),
  handler: (args) =>
    withSession(args, async ({ runner }) => {
      const migrations = await runner.status()
      const current = migrations.findLast((migration) => migration.applied)?.name ?? null
      const rows = migrations.map((migration) => ({ name: migration.name, state: migrationState(migration), executedAt: migration.executedAt }))
      if (args.format === 'json') return printJson({ current, migrations: rows })
      if (rows.length > 0) {
        printTable(
          ['migration', 'state', 'applied at'],
          rows.map((row) => [row.name, row.state, row.executedAt === null ? '' : formatTime(row.executedAt)]),
        )
      }
      const count = (state: string): number => rows.filter((row) => row.state === state).length
      const applied = migrations.filter((migration) => migration.applied && !migration.missingFile).length
      const edited = count('edited') === 0 ? '' : ` (${count('edited')} edited since)`
      print(`${applied} applied${edited}, ${count('pending')} pending, ${plural(count('missing file'), 'missing file')}; current: ${current ?? BASE}`)
    }),
}
