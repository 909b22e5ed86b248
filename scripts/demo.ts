/**
 * `npm run demo`: the whole loop on a copy of the example application, on the embedded database
 * (no server needed). Autogenerate the first migration, review it, apply it; change a model,
 * autogenerate again, apply; show that nothing is left to generate; roll back one step.
 *
 * The copy lives in `.kysely-autogen/demo/` inside the repository so that the generated
 * migrations resolve `kysely` from this repository's node_modules.
 */
import { spawnSync } from 'node:child_process'
import { cp, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))
const DEMO = join(ROOT, '.kysely-autogen', 'demo')
const MIGRATE = join(ROOT, 'packages', 'cli', 'bin', 'migrate.js')

const NEW_COLUMN = `  /**
   * IANA time zone, e.g. Europe/Paris.
   * @dbType varchar(64)
   */
  time_zone: string | null
`

function step(title: string): void {
  console.log(`\n\x1b[1m── ${title}\x1b[0m`)
}

function migrate(...args: string[]): string {
  console.log(`$ migrate ${args.join(' ')}`)
  const result = spawnSync(process.execPath, [MIGRATE, ...args], { cwd: DEMO, encoding: 'utf8' })
  process.stdout.write(result.stdout)
  process.stderr.write(result.stderr)
  if (result.status !== 0) {
    console.error(`migrate ${args[0]} exited with ${result.status}`)
    process.exit(result.status ?? 1)
  }
  return result.stdout
}

async function showGenerated(output: string): Promise<void> {
  const file = /Generated (\S+)/.exec(output)?.[1]
  if (file === undefined) return
  console.log(`\n----- ${file} -----`)
  console.log(await readFile(join(DEMO, file), 'utf8'))
}

async function main(): Promise<void> {
  await rm(DEMO, { recursive: true, force: true })
  await cp(join(ROOT, 'models'), join(DEMO, 'models'), { recursive: true })
  console.log(`Demo project: ${DEMO} (a copy of models/, embedded database in .kysely-autogen/)`)

  step('1. Generate the first migration from the models')
  await showGenerated(migrate('autogenerate', '-m', 'create notes and chats'))

  step('2. Apply it')
  migrate('latest')

  step('3. Add a column to models/users.ts and generate again')
  const usersFile = join(DEMO, 'models', 'users.ts')
  const users = await readFile(usersFile, 'utf8')
  await writeFile(usersFile, users.replace(/\n}\n$/, `\n${NEW_COLUMN}}\n`))
  await showGenerated(migrate('autogenerate', '-m', 'add user time zone'))
  migrate('latest')

  step('4. Models and database agree: nothing to generate')
  migrate('autogenerate', '-m', 'nothing')

  step('5. Status, then roll back the last migration')
  migrate('status')
  migrate('down')
  migrate('status')
}

await main()
