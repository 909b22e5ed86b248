import { writeFile, mkdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { emitMigration, listMigrationFiles, newMigrationFileName, UserError } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import { resolveProject } from '../config/project.js'
import type { GlobalOptions } from '../options.js'
import { print, printJson } from '../output.js'
import { withMessageOption } from './message-option.js'

type RevisionArgs = GlobalOptions & { readonly message: string }

export const revisionCommand: CommandModule<GlobalOptions, RevisionArgs> = {
  command: 'revision',
  describe: 'write a blank migration, with the standard header, to fill in by hand',
  builder: (yargs) => withMessageOption(yargs).example('$0 revision -m "backfill slugs"', 'writes migrations/<timestamp>_backfill_slugs.ts'),
  handler: async (args) => {
    const project = await resolveProject(args)
    const createdAt = new Date()
    const fileName = newMigrationFileName(args.message, createdAt)
    const parent = (await listMigrationFiles(project.migrationsDir)).at(-1)?.name ?? null
    const source = emitMigration({ message: args.message, revision: fileName.replace(/\.ts$/, ''), parent, createdAt, up: [], down: [] })
    await mkdir(project.migrationsDir, { recursive: true })
    const path = join(project.migrationsDir, fileName)
    // 'wx': two revisions in the same second must not overwrite each other.
    await writeFile(path, source, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'EEXIST' ? new UserError(`${relative(project.root, path)} already exists`) : error
    })
    const file = relative(project.root, path)
    if (args.format === 'json') printJson({ file })
    else print(`Generated ${file}`)
  },
}
