import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** This file's folder (Jest 29 has no `import.meta.dirname`). */
const HERE = dirname(fileURLToPath(import.meta.url))

const BIN = resolve(HERE, '../bin/migrate.js')

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `node bin/migrate.js ...args` in `cwd` as a real process (or another `bin`, such as an
 * installed package's). The environment is this one without DATABASE_URL (a developer's own
 * must not leak in), plus `env`.
 */
export function runCli(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}, bin: string = BIN): Promise<CliResult> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...inherited, ...env } })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }))
  })
}
