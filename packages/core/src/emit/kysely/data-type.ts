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

/** `'integer'` when Kysely takes the string (it prints it verbatim), else ``sql`citext` ``. */
export function dataTypeArgument(type: string): Expression {
  return kyselyAcceptsDataType(type) ? string(type) : sqlTemplate(type)
}

function kyselyAcceptsDataType(type: string): boolean {
  try {
    PROBE.schema.createTable('probe').addColumn('probe', type as 'text')
    return true
  } catch {
    return false
  }
}
