import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

const REPO_ROOT = resolve(import.meta.dirname, '../../..')
const TSC = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc')

/**
 * The CLI tests spawn `bin/migrate.js`, which runs the compiled `dist/`: build it once per Jest
 * run so they never test a stale build. Type errors do not stop tsc from emitting, and should not
 * block every other test suite either: they are shown, and the CLI tests run on what was emitted.
 */
export default function globalSetup(): void {
  const build = spawnSync(process.execPath, [TSC, '-b', 'packages/cli'], { cwd: REPO_ROOT, encoding: 'utf8' })
  if (build.error) throw build.error
  if (build.status !== 0) process.stderr.write(`\nwarning: tsc -b packages/cli reported errors:\n${build.stdout}${build.stderr}\n`)
}
