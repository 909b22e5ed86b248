import { type AliasDeclaration, keyword, NO_DOC, reference, type TypeExpression, union } from './model-ast.js'

/**
 * kysely-codegen's helper types, declared in the pulled file as kysely-codegen declares them in
 * its output, so that queries get the same TypeScript types. The model reader knows them by name
 * (vocabulary.ts): `Int8` reads as bigint whatever its declaration says.
 */

const STRING_INPUT = union(keyword('bigint'), keyword('number'), keyword('string'))
const NUMERIC_INPUT = union(keyword('number'), keyword('string'))
const DATE_INPUT = union(reference('Date'), keyword('string'))

const HELPERS: ReadonlyMap<string, readonly AliasDeclaration[]> = new Map([
  ['Int8', [alias('Int8', reference('ColumnType', keyword('string'), STRING_INPUT, STRING_INPUT))]],
  ['Numeric', [alias('Numeric', reference('ColumnType', keyword('string'), NUMERIC_INPUT, NUMERIC_INPUT))]],
  ['Timestamp', [alias('Timestamp', reference('ColumnType', reference('Date'), DATE_INPUT, DATE_INPUT))]],
  [
    'Json',
    [
      alias('Json', reference('JsonValue')),
      alias('JsonArray', { kind: 'array', element: reference('JsonValue') }),
      alias('JsonObject', reference('Record', keyword('string'), union(reference('JsonValue'), keyword('undefined')))),
      alias('JsonPrimitive', union(keyword('boolean'), keyword('number'), keyword('string'), keyword('null'))),
      alias('JsonValue', union(reference('JsonArray'), reference('JsonObject'), reference('JsonPrimitive'))),
    ],
  ],
])

/** The declarations of the helpers among `names` (in a fixed order), and whether they need `ColumnType`. */
export function helperDeclarations(names: ReadonlySet<string>): readonly AliasDeclaration[] {
  return [...HELPERS].filter(([name]) => names.has(name)).flatMap(([, declarations]) => declarations)
}

export function helperNeedsColumnType(names: ReadonlySet<string>): boolean {
  return ['Int8', 'Numeric', 'Timestamp'].some((name) => names.has(name))
}

function alias(name: string, type: TypeExpression): AliasDeclaration {
  return { kind: 'alias', name, doc: NO_DOC, type }
}
