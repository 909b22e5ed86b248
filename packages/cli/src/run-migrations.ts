import { BASE, type MigrationRunner, type MigrationStep, UserError } from '@kysely-autogen/core/runtime'
import type { RunOptions } from './commands/run-options.js'
import type { GlobalOptions } from './options.js'
import { paint, plural, print, printJson } from './output.js'
import { withSession } from './session.js'

const STEP_MARK = '✓'

/**
 * What `latest`, `up`, `down` and `to` share: run, print each migration as it finishes (text)
 * and a final line, or one JSON document at the end.
 */
export async function runMigrations(
  options: GlobalOptions & RunOptions,
  run: (runner: MigrationRunner) => Promise<readonly MigrationStep[]>,
): Promise<void> {
  const json = options.format === 'json'
  const printStep = (step: MigrationStep): void => print(`  ${paint('green', STEP_MARK)} ${step.name} ${paint('dim', `(${step.durationMs} ms)`)}`)
  await withSession(
    options,
    async ({ runner }) => {
      const steps = await run(runner)
      const current = (await runner.current())?.name ?? null
      if (json) printJson({ steps, current })
      else print(`${summarise(steps)}; current: ${current ?? BASE}`)
    },
    { onStep: json ? undefined : printStep, lockTimeout: options.lockTimeout, allowEdited: options.allowEdited },
  )
}

function summarise(steps: readonly MigrationStep[]): string {
  if (steps.length === 0) return 'Nothing to migrate'
  return `${steps[0].direction === 'up' ? 'Applied' : 'Reverted'} ${plural(steps.length, 'migration')}`
}

/** `up 2`, `down 3`: a positive whole number (yargs gives NaN for words). Checked while parsing, before connecting. */
export function checkCount(count: number): number {
  if (!Number.isInteger(count) || count < 1) throw new UserError('the count must be a positive whole number')
  return count
}
