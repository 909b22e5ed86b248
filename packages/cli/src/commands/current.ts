import { BASE } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { formatTime, print, printJson } from '../output.js'
import { withSession } from '../session.js'

export const currentCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'current',
  describe: 'show the last applied migration',
  builder: (yargs) => yargs.example('$0 current --format json', 'as JSON: { "current": name or null, "executedAt": ... }'),
  handler: (args) =>
    withSession(args, async ({ runner }) => {
      const current = await runner.current()
      if (args.format === 'json') printJson({ current: current?.name ?? null, executedAt: current?.executedAt ?? null })
      else print(current === null ? `${BASE} (no migration applied)` : `${current.name} (applied ${formatTime(current.executedAt!)})`)
    }),
}
