import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { pullModels } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { print, printJson, stageTimings } from '../output.js'
import { withSession } from '../session.js'

type PullArgs = GlobalOptions & { readonly out: string }

export const pullCommand: CommandModule<GlobalOptions, PullArgs> = {
  command: 'pull',
  describe: 'write models from an existing database',
  builder: (yargs) =>
    yargs
      .option('out', { type: 'string', demandOption: true, describe: 'the models file to write (e.g. models/index.ts)' })
      .example('$0 pull --out models/index.ts', 'models for every table of the database'),
  handler: (args) =>
    withSession(args, async ({ project, database }) => {
      const source = await pullModels(database, project.scope, stageTimings(args))
      const path = resolve(project.root, args.out)
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, source)
      const file = relative(project.root, path)
      if (args.format === 'json') printJson({ file })
      else print(`Wrote ${file}`)
    }),
}
