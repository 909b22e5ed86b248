import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Database } from '../../core/src/database/connect.js'
import { openTestDatabase } from '../../core/test/support/test-databases.js'
import { type CliResult, runCli } from './run-cli.js'

/**
 * The published shape: `npm pack --workspaces`, installed with kysely and pg from the registry
 * into an empty project outside the repository, used there as a user would (the binary, a
 * migrate.config.ts, the library from TypeScript). Slow (npm install), so one file.
 */

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO_ROOT = resolve(HERE, '../../..')
const TSC = resolve(REPO_ROOT, 'node_modules/typescript/bin/tsc')
const NPM_TIMEOUT_MS = 300_000
const REGISTRY_TIMEOUT_MS = 15_000
/** What a user adds next to our packages: the peer dependencies, and Node's types for the type check. */
const REGISTRY_PACKAGES = ['kysely@^0.29.9', 'pg@^8.11.0', '@types/node@^20.19.0']

const execFileAsync = promisify(execFile)
/** A CLI tarball, as opposed to `kysely-autogen-core-<version>.tgz`. */
const CLI_TARBALL = /^kysely-autogen-\d/

/**
 * Runs a program without the npm_* variables of the `npm test` around us: npm_config_local_prefix
 * would make the inner `npm install` install into the repository.
 */
function run(file: string, args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Promise<{ stdout: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')))
  return execFileAsync(file, args, { ...options, env, encoding: 'utf8' })
}

const PACKAGE_JSON = JSON.stringify({ name: 'adopter', private: true, type: 'module' })

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] },
  include: ['*.ts', 'models'],
})

/** Paths relative to this file's folder: the configuration is read from the project root. */
const CONFIG = `import { defineConfig } from 'kysely-autogen'

export default defineConfig({
  migrations: 'db/migrations',
  exclude: ['legacy_*'],
})
`

const MODELS = `import type { Generated } from 'kysely'

export interface DB {
  users: UserTable
}

export interface UserTable {
  /** @primaryKey */
  id: Generated<number>
  /** @dbType varchar(255) @unique */
  email: string
}
`

/** The library's stages by hand: read models and catalog, diff, plan, emit. */
const LIBRARY_SCRIPT = `import { diffSchemas, emitMigration, openDatabase, planChanges, readCatalog, readModels } from '@kysely-autogen/core'

const models = readModels('models/index.ts', { rootInterface: 'DB' })
const database = await openDatabase({ kind: 'memory' })
try {
  const current = await readCatalog(database.db)
  const changes = diffSchemas(current, models)
  const up = planChanges(changes)
  process.stdout.write(emitMigration({ message: 'init', revision: '001_init', parent: null, createdAt: new Date(0), up, down: [] }))
} finally {
  await database.close()
}
`

const registryError = await registryUnreachable()
const describeInstalled = registryError === null ? describe : describe.skip

describeInstalled(`installed from npm pack${registryError === null ? '' : ` (skipped: npm registry unreachable: ${registryError})`}`, () => {
  let dir: string
  let server: Database | undefined
  const bin = (): string => join(dir, 'node_modules/.bin/migrate')
  const migrate = (...args: string[]): Promise<CliResult> => runCli(dir, args, {}, bin())

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kysely-autogen-pack-'))
    const tarballs = join(dir, 'tarballs')
    await mkdir(tarballs)
    await run('npm', ['pack', '--workspaces', '--silent', '--pack-destination', tarballs], { cwd: REPO_ROOT, timeout: NPM_TIMEOUT_MS })
    const packed = (await readdir(tarballs)).map((file) => join(tarballs, file))
    await writeFile(join(dir, 'package.json'), PACKAGE_JSON)
    await run('npm', ['install', '--no-audit', '--no-fund', '--silent', ...packed, ...REGISTRY_PACKAGES], { cwd: dir, timeout: NPM_TIMEOUT_MS })
    await mkdir(join(dir, 'models'))
    await writeFile(join(dir, 'models/index.ts'), MODELS)
    await writeFile(join(dir, 'migrate.config.ts'), CONFIG)
    await writeFile(join(dir, 'use-library.ts'), LIBRARY_SCRIPT)
    await writeFile(join(dir, 'tsconfig.json'), TSCONFIG)
  }, NPM_TIMEOUT_MS * 2)

  afterAll(async () => {
    await server?.close()
    if (dir !== undefined) await rm(dir, { recursive: true, force: true })
  })

  test('the tarballs hold the builds, types and binary, not the sources or tests', async () => {
    const cli = (await readdir(join(dir, 'tarballs'))).find((file) => CLI_TARBALL.test(file))!
    const { stdout } = await run('tar', ['-tzf', join(dir, 'tarballs', cli)])
    expect(stdout).toContain('package/bin/migrate.js')
    expect(stdout).toContain('package/dist/index.d.ts')
    expect(stdout).not.toMatch(/package\/(src|test)\//)
  })

  test('--help lists the commands with examples', async () => {
    const help = await migrate('--help')
    expect(help).toMatchObject({ code: 0, stderr: '' })
    for (const command of ['autogenerate', 'latest', 'status', 'stamp', 'sql']) expect(help.stdout).toContain(`migrate ${command}`)
    expect(help.stdout).toContain('Examples:')
  })

  test('the library type-checks and runs from TypeScript (types and ESM exports)', async () => {
    await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: dir })
    const { stdout } = await run(join(dir, 'node_modules/.bin/tsx'), ['use-library.ts'], { cwd: dir })
    expect(stdout).toMatch(/\.createTable\(['"]users['"]\)/)
  })

  // The server through .env.local, then the embedded database (no URL) replaying the same files.
  const serverTest = process.env.TEST_DATABASE_URL ? test : test.skip
  serverTest('against the server through .env.local: autogenerate, latest, status, sql, check', async () => {
    server = await openTestDatabase('server')
    if (server.target.kind !== 'url') throw new Error('a server scratch database has a URL')
    await writeFile(join(dir, '.env.local'), `DATABASE_URL=${server.target.url}\n`)
    try {
      const generated = await migrate('autogenerate', '-m', 'create users')
      expect(generated).toMatchObject({ code: 0, stderr: '' })
      expect(generated.stdout).toMatch(/^Generated db\/migrations\/\d{14}_create_users\.ts$/m)

      const latest = await migrate('latest')
      expect(latest).toMatchObject({ code: 0, stderr: '' })
      expect(latest.stdout).toMatch(/^Applied 1 migration; current: \d{14}_create_users$/m)

      const status = await migrate('status')
      expect(status.stdout).toMatch(/^1 applied, 0 pending, 0 missing files; current: \d{14}_create_users$/m)
      await expectSqlAndCheck()
    } finally {
      await rm(join(dir, '.env.local'))
    }
  })

  test('against the embedded database with no URL: latest, status, autogenerate, sql, check', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      expect(await migrate('autogenerate', '-m', 'create users')).toMatchObject({ code: 0, stderr: '' })
    }
    const latest = await migrate('latest')
    expect(latest).toMatchObject({ code: 0, stderr: '' })
    expect(latest.stdout).toMatch(/^Applied 1 migration; current: \d{14}_create_users$/m)
    expect((await migrate('status')).stdout).toMatch(/^1 applied, 0 pending/m)
    expect(await migrate('autogenerate', '-m', 'nothing')).toEqual({ code: 0, stdout: 'No changes\n', stderr: '' })
    await expectSqlAndCheck()
  })

  async function expectSqlAndCheck(): Promise<void> {
    const offline = await migrate('sql')
    expect(offline).toMatchObject({ code: 0, stderr: '' })
    expect(offline.stdout).toMatch(/^-- \d{14}_create_users\ncreate table "users" \(/m)

    const help = await migrate('--help')
    if (!help.stdout.includes('migrate check')) return // the check command is not in this build
    const check = await migrate('check', '--format', 'json')
    expect(check).toMatchObject({ code: 0, stderr: '' })
    expect(() => JSON.parse(check.stdout)).not.toThrow()
  }
})

/** Null when `npm ping` answers; else why not, for the skip message. */
async function registryUnreachable(): Promise<string | null> {
  try {
    await run('npm', ['ping', '--silent'], { timeout: REGISTRY_TIMEOUT_MS })
    return null
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error)
  }
}
