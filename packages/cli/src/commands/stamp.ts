import { BASE, HEAD, stamp } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { plural, print, printJson } from '../output.js'
import { withSession } from '../session.js'

type StampArgs = GlobalOptions & { readonly target: string }

export const stampCommand: CommandModule<GlobalOptions, StampArgs> = {
  command: 'stamp <target>',
  describe: 'record migrations as applied up to NAME (head: all), without running them; an earlier NAME un-records the later ones',
  builder: (yargs) =>
    yargs
      .positional('target', { type: 'string', demandOption: true, describe: `a migration name (file name without extension), ${HEAD} or ${BASE}` })
      .example('$0 stamp head', 'adopt a database whose schema already matches the migrations')
      .example('$0 stamp 20261122103000_add_email', 'record up to that migration; later ones count as not applied'),
  handler: (args) =>
    withSession(args, async ({ project, database }) => {
      const result = await stamp({ db: database.db, migrationsDir: project.migrationsDir, migrationTable: project.migrationTable }, args.target)
      if (args.format === 'json') return printJson(result)
      for (const name of result.stamped) print(`  + ${name}`)
      for (const name of result.unstamped) print(`  - ${name}`)
      print(`Stamped ${plural(result.stamped.length, 'migration')}, un-stamped ${result.unstamped.length}; nothing was run`)
    }),
}
