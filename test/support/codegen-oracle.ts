import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'
import type { DatabaseTarget } from '../../packages/core/src/database/connect.js'
import type { Schema } from '../../packages/core/src/schema/schema.js'

/** The repository root (Jest 29 has no `import.meta.dirname`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** kysely-codegen leaves out the migrator's own tables (`kysely_migration`, `_lock`, our `_checksum`). */
const MIGRATOR_TABLES = 'kysely_migration*'

/**
 * In a child process (kysely-codegen is CommonJS and requires kysely, which is ESM only: Jest's
 * module sandbox cannot), through the built core package: open `target`, run the migrations of
 * `migrationsDir` with our runner, and print the `DB` kysely-codegen generates from the result.
 */
const CODEGEN_SCRIPT = `
  import { PostgresDialect, generate } from 'kysely-codegen'
  import { MigrationRunner, openDatabase } from '@kysely-autogen/core'
  const { target, migrationsDir, exclude } = JSON.parse(process.argv[1])
  const database = await openDatabase(target)
  try {
    await new MigrationRunner({ db: database.db, migrationsDir }).latest()
    process.stdout.write(await generate({ db: database.db, dialect: new PostgresDialect(), excludePattern: exclude, outFile: null }))
  } finally {
    await database.close()
  }
`

/** kysely-codegen's file for the database `target` once the migrations of `migrationsDir` ran there. */
export async function codegenAfterMigrations(target: DatabaseTarget, migrationsDir: string): Promise<string> {
  const args = JSON.stringify({ target, migrationsDir, exclude: MIGRATOR_TABLES })
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CODEGEN_SCRIPT, args], { cwd: REPO_ROOT, encoding: 'utf8' })
  return stdout
}

/** One type-level assertion of an oracle file: what it compares, and on which line. */
interface Assertion {
  /** `tables`, `users` (the whole row) or `users.email`. */
  readonly label: string
  readonly line: number
}

export interface OracleFile {
  readonly path: string
  readonly assertions: readonly Assertion[]
}

const PREAMBLE = [
  "import type { Selectable } from 'kysely'",
  '',
  '/** True when A and B are the same type (not merely assignable either way). */',
  'type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false',
  'type Expect<T extends true> = T',
]

/**
 * Writes `path`: type-level assertions that kysely-codegen's `DB` (in `codegenFile`) and the
 * models' `DB` (in `modelsFile`) have the same tables, and the same select type for every table
 * and every column of `models`. An assertion that does not hold is a compile error on its line.
 */
export async function writeOracle(path: string, codegenFile: string, modelsFile: string, models: Schema): Promise<OracleFile> {
  const lines = [
    ...PREAMBLE,
    `import type { DB as Codegen } from '${importPath(path, codegenFile)}'`,
    `import type { DB as Models } from '${importPath(path, modelsFile)}'`,
    '',
  ]
  const assertions: Assertion[] = []
  const assert = (label: string, a: string, b: string): void => {
    assertions.push({ label, line: lines.length + 1 })
    lines.push(`export type Check${assertions.length} = Expect<Equal<${a}, ${b}>> // ${label}`)
  }
  assert('tables', 'keyof Codegen', 'keyof Models')
  for (const table of models.tables) {
    const key = JSON.stringify(table.schema === 'public' ? table.name : `${table.schema}.${table.name}`)
    const [codegen, ours] = [`Selectable<Codegen[${key}]>`, `Selectable<Models[${key}]>`]
    assert(key.slice(1, -1), codegen, ours)
    for (const column of table.columns) assert(`${key.slice(1, -1)}.${column.name}`, `${codegen}[${JSON.stringify(column.name)}]`, `${ours}[${JSON.stringify(column.name)}]`)
  }
  await writeFile(path, `${lines.join('\n')}\n`)
  return { path, assertions }
}

/** `./codegen.js` style: NodeNext resolves the `.js` of an import to the `.ts` beside it. */
function importPath(from: string, to: string): string {
  const path = relative(dirname(from), to).replace(/\.ts$/, '.js')
  return path.startsWith('.') ? path : `./${path}`
}

/**
 * Compiles the oracle files in one TypeScript program (strict, as a project would) and returns,
 * per file, the labels of the assertions that do not hold; a compile error on no assertion's
 * line is returned as is.
 */
export function failingAssertions(files: readonly OracleFile[]): readonly (readonly string[])[] {
  const program = ts.createProgram(
    files.map((file) => file.path),
    { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] },
  )
  const diagnostics = ts.getPreEmitDiagnostics(program)
  return files.map((file) => {
    const labels = diagnostics
      .filter((diagnostic) => diagnostic.file !== undefined && resolve(diagnostic.file.fileName) === resolve(file.path))
      .map((diagnostic) => {
        const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
        return file.assertions.find((assertion) => assertion.line === line)?.label ?? ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      })
    return [...new Set(labels)]
  })
}
