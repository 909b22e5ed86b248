import { displayName } from '../../schema/names.js'
import type { QualifiedName } from '../../schema/schema.js'
import { type CallChain, DB_PARAMETER, type MethodCall, call, chain, identifier, sqlTemplate, string } from './ast.js'

const DEFAULT_SCHEMA = 'public'

/**
 * `db.schema[.withSchema('app')].<calls>.execute()`. Objects outside `public` go through
 * `withSchema` rather than a dotted name: `dropIndex('app.x')` quotes `"app.x"` as ONE identifier
 * (kysely/dist/operation-node/drop-index-node.js wraps the whole string in
 * `SchemableIdentifierNode.create`, no split on the dot), and one rule for every builder is
 * easier to review than per-method exceptions.
 */
export function schemaStatement(schema: string, calls: readonly MethodCall[]): CallChain {
  const scope = schema === DEFAULT_SCHEMA ? [] : [call('withSchema', string(schema))]
  return chain(identifier(`${DB_PARAMETER}.schema`), [...scope, ...calls, call('execute')])
}

/** ``sql`...`.execute(db)``: a statement Kysely's builders cannot express. */
export function rawStatement(text: string): CallChain {
  return chain(sqlTemplate(text), [call('execute', identifier(DB_PARAMETER))])
}

/**
 * The referenced table of a foreign key, as Kysely's `references`/`addForeignKeyConstraint`
 * parse it. Under `withSchema('app')`, Kysely's WithSchemaPlugin puts an UNQUALIFIED referenced
 * table into `app` too (`transformReferences` in
 * kysely/dist/plugin/with-schema/with-schema-transformer.js), so a reference to `public.users`
 * must then be spelled out.
 */
export function referencedTable(from: string, references: QualifiedName): string {
  return from === DEFAULT_SCHEMA ? displayName(references) : `${references.schema}.${references.name}`
}
