import { access } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UserError } from '@kysely-autogen/core'
import type { GlobalOptions } from '../options.js'

/** The interface in the models file whose keys are the tables (DESIGN.md, "The model language"). */
const ROOT_INTERFACE = 'DB'

/** Where a command finds the project's files; paths are absolute. */
export interface Project {
  readonly root: string
  readonly modelsFile: string
  readonly rootInterface: string
  readonly migrationsDir: string
}

/** The project root is the working directory; relative options are resolved against it. */
export async function resolveProject(options: GlobalOptions, root: string = process.cwd()): Promise<Project> {
  if (options.config !== undefined) {
    // Config files are not read yet; a path that does not exist is still an error worth reporting.
    const config = resolve(root, options.config)
    await access(config).catch(() => {
      throw new UserError(`config file ${options.config} does not exist`)
    })
  }
  return {
    root,
    modelsFile: resolve(root, options.models),
    rootInterface: ROOT_INTERFACE,
    migrationsDir: resolve(root, options.migrations),
  }
}
