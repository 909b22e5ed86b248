import { spawnSync } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** This file's folder (Jest 29 has no `import.meta.dirname`). */
const HERE = dirname(fileURLToPath(import.meta.url))

const REPO_ROOT = resolve(HERE, '../../..')
const TSC = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc')

/**
 * Before any test: build packages/cli (and core) so the CLI tests, which spawn `bin/migrate.js`,
 * never run a stale `dist/`; then type-check everything, tests included, since ts-jest only
 * transpiles. A type error fails the run: it is a defect like any failing test.
 */
export default function globalSetup(): void {
  for (const args of [['-b', 'packages/cli'], ['-p', 'tsconfig.json', '--noEmit']]) {
    const run = spawnSync(process.execPath, [TSC, ...args], { cwd: REPO_ROOT, encoding: 'utf8' })
    if (run.error) throw run.error
    if (run.status !== 0) throw new Error(`tsc ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`)
  }
}
