import type { Backend } from '../../core/test/support/test-databases.js'
import { createTempProject, type TempProject } from '../../core/test/runner/temp-project.js'
import { type CliTarget, openCliTarget } from './cli-target.js'
import { type CliResult, runCli } from './run-cli.js'

/** A test's project folder and its database, for tests that run the CLI as a process. */
export interface CliProject {
  /** Writes a temporary project with `files` and opens a database of `backend` for it. */
  open(backend: Backend, files?: Readonly<Record<string, string>>): Promise<void>
  /** The project open() wrote. */
  readonly project: TempProject
  /** The database open() opened. */
  readonly target: CliTarget
  /** Runs `migrate ...args` in the project against its database. */
  migrate(...args: string[]): Promise<CliResult>
}

/** A CliProject per test, closed and removed after each (registers an afterEach hook). */
export function useCliProject(): CliProject {
  let project: TempProject | null = null
  let target: CliTarget | null = null

  afterEach(async () => {
    await target?.close()
    await project?.remove()
    target = null
    project = null
  })

  const opened = (): { project: TempProject; target: CliTarget } => {
    if (project === null || target === null) throw new Error('useCliProject(): call open() first')
    return { project, target }
  }
  return {
    open: async (backend, files = {}) => {
      project = await createTempProject(files)
      target = await openCliTarget(backend, project.dir)
    },
    get project() {
      return opened().project
    },
    get target() {
      return opened().target
    },
    migrate: (...args) => runCli(opened().project.dir, [...args, ...opened().target.args]),
  }
}
