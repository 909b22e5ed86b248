import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { type Expression, sqlTemplate, string } from './ast.js'

/**
 * A Kysely that compiles but never connects, to ask Kysely itself which data-type strings it
 * accepts: `parseDataTypeExpression` (kysely/dist/parser/data-type-parser.js) throws "invalid
 * column data type" for anything outside its whitelist (kysely/dist/operation-node/
 * data-type-node.js: `text[]`, `numeric(12,2)` without a space, `citext`, enum names...), and
 * `isColumnDataType` is not exported. Asking the installed version keeps us exactly in step.
 */
const PROBE = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
})

/**
 * format_type's long spellings and the short ones people write (and Kysely's whitelist takes).
 * PostgreSQL parses both to the same type, so the migration reads as written by hand while the
 * catalog, and so the diff, is unchanged. Only whole spellings are rewritten, modifiers kept.
 */
const SHORT_SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/^character varying(\(\d+\))?$/, 'varchar$1'],
  [/^character(\(\d+\))$/, 'char$1'],
  [/^timestamp(\(\d\))? with time zone$/, 'timestamptz$1'],
  [/^timestamp(\(\d\))? without time zone$/, 'timestamp$1'],
  [/^time(\(\d\))? with time zone$/, 'timetz$1'],
  [/^time(\(\d\))? without time zone$/, 'time$1'],
  [/^numeric\((\d+),(\d+)\)$/, 'numeric($1, $2)'],
]

/** The argument by type: a schema of thousands of tables has a few dozen types (and the AST is immutable). */
const ARGUMENTS = new Map<string, Expression>()

/** `'varchar(255)'` when Kysely takes the string (it prints it verbatim), else ``sql`citext` ``. */
export function dataTypeArgument(type: string): Expression {
  let argument = ARGUMENTS.get(type)
  if (argument === undefined) {
    const spelling = SHORT_SPELLINGS.reduce((text, [pattern, short]) => text.replace(pattern, short), type)
    argument = askKysely(spelling) ? string(spelling) : sqlTemplate(type)
    ARGUMENTS.set(type, argument)
  }
  return argument
}

function askKysely(type: string): boolean {
  try {
    PROBE.schema.createTable('probe').addColumn('probe', type as 'text')
    return true
  } catch {
    return false
  }
}
