import { autogenerate, UserError } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import type { GlobalOptions } from '../options.js'
import { paint, print, printJson, stageTimings } from '../output.js'
import { readProjectModels } from '../project-models.js'
import { withSession } from '../session.js'
import { withMessageOption } from './message-option.js'

type AutogenerateArgs = GlobalOptions & { readonly message: string; readonly 'allow-drop': boolean }

export const autogenerateCommand: CommandModule<GlobalOptions, AutogenerateArgs> = {
  command: 'autogenerate',
  describe: 'compare the models with the database and write a migration for the difference',
  builder: (yargs) =>
    withMessageOption(yargs)
      .option('allow-drop', {
        type: 'boolean',
        default: false,
        describe: 'drop a table or column even though another is added (else it stops: a possible rename)',
      })
      .example('$0 autogenerate -m "add email to users"', 'writes migrations/<timestamp>_add_email_to_users.ts'),
  handler: (args) =>
    withSession(args, async ({ project, database, runner }) => {
      // Diffing against a database behind the files would re-generate what a pending file does.
      const pending = await runner.pendingNames()
      if (pending.length > 0) {
        throw new UserError(`the database is not at head: run "migrate latest" first (pending: ${pending.join(', ')})`)
      }
      const onStage = stageTimings(args)
      // On a worker thread, while this one reads the database (see ModelReaderThread).
      const models = readProjectModels(project, onStage)
      const { file, files, summary, changes } = await autogenerate({
        modelsFile: project.modelsFile,
        models,
        rootInterface: project.rootInterface,
        migrationsDir: project.migrationsDir,
        message: args.message,
        database,
        ...project.scope,
        allowDrop: args['allow-drop'],
        onStage,
        cacheFile: project.cacheFile,
      })
      if (args.format === 'json') return printJson({ file, files, summary: summary.map((line) => line.trim()) })
      if (file === null) return print('No changes')
      for (const written of files) print(`Generated ${written}`)
      for (const [i, line] of summary.entries()) print(changes[i].destructive ? paint('red', line) : line)
    }),
}
