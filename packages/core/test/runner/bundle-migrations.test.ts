import { join } from 'node:path'
import { importBundled } from '../../src/runner/bundle-migrations.js'
import { createTempProject, type TempProject } from './temp-project.js'

/** A helper outside the migrations folder, imported the TypeScript-ESM way (`.js` naming a `.ts`). */
const HELPER = `export const tableName = (suffix: string): string => \`t_\${suffix}\`
`

const USES_HELPER = `import type { Kysely } from 'kysely'
import { sql } from 'kysely'
import { tableName } from '../lib/names.js'

export const transaction = false
export const name: string = tableName('a')
export const isSql = typeof sql === 'function'
export async function up(db: Kysely<any>): Promise<void> {}
`

const ALIASED = `import { tableName } from '@lib/names'

export const name = tableName('b')
export async function up(): Promise<void> {}
`

const TSCONFIG = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@lib/*': ['lib/*'] } } })

let project: TempProject

afterEach(async () => {
  await project.remove()
})

const bundle = async (files: Readonly<Record<string, string>>): Promise<ReadonlyMap<string, Record<string, unknown>> | undefined> => {
  project = await createTempProject({ 'lib/names.ts': HELPER, 'tsconfig.json': TSCONFIG, ...files })
  return importBundled(Object.keys(files).map((path) => join(project.dir, path)))
}

test('each file is a module of its own: its exports, relative and tsconfig-path imports bundled, packages imported', async () => {
  const modules = await bundle({ 'migrations/001_a.ts': USES_HELPER, 'migrations/002_b.ts': ALIASED })
  expect(modules).toBeDefined()
  const [a, b] = [...modules!.values()]
  expect([...modules!.keys()]).toEqual([join(project.dir, 'migrations/001_a.ts'), join(project.dir, 'migrations/002_b.ts')])
  expect(a).toMatchObject({ transaction: false, name: 't_a', isSql: true })
  expect(typeof a.up).toBe('function')
  expect(b).toMatchObject({ name: 't_b' })
})

test.each([
  ['a file that reads its own location', `export const here = import.meta.url\nexport async function up() {}\n`],
  ['a file that uses __dirname', `export const here = __dirname\nexport async function up() {}\n`],
  ['a file that calls require', `const fs = require('node:fs')\nexport async function up() { fs.statSync('.') }\n`],
  ['a file that does not compile', `export async function up( {\n`],
  ['a file that imports what is not there', `import { x } from './missing.js'\nexport async function up() { x() }\n`],
  ['a file that throws while loading', `throw new Error('at load')\nexport async function up() {}\n`],
])('none for %s: each file is imported on its own instead', async (_what, text) => {
  expect(await bundle({ 'migrations/001_ok.ts': USES_HELPER, 'migrations/002_bad.ts': text })).toBeUndefined()
})
