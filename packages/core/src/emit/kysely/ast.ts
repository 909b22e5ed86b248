/**
 * A tiny AST of the TypeScript a migration is made of (in the spirit of kysely-codegen's
 * serializer): the emitter builds these nodes and `serialize.ts` is the only place that decides
 * how they are spelled and laid out.
 */

/** The parameter every migration function receives. */
export const DB_PARAMETER = 'db'

export type Expression = StringLiteral | ArrayLiteral | SqlTemplate | Identifier | CallChain | ArrowFunction

/** `'text'`, single-quoted. */
export interface StringLiteral {
  readonly kind: 'string'
  readonly value: string
}

export interface ArrayLiteral {
  readonly kind: 'array'
  readonly items: readonly Expression[]
}

/** ``sql`text` ``: raw SQL, passed to PostgreSQL as written; ``sql<boolean>`...` `` when typed. */
export interface SqlTemplate {
  readonly kind: 'sql'
  readonly text: string
  /** The template's type argument, where Kysely's signature needs one (`where` wants a boolean). */
  readonly type: string | null
}

/** A name or property path: `db`, `db.schema`, `col`. */
export interface Identifier {
  readonly kind: 'identifier'
  readonly name: string
}

/** `target.method(args).method(args)...` */
export interface CallChain {
  readonly kind: 'chain'
  readonly target: Expression
  readonly calls: readonly MethodCall[]
}

export interface MethodCall {
  readonly method: string
  readonly args: readonly Expression[]
}

/** `(parameter) => body` */
export interface ArrowFunction {
  readonly kind: 'arrow'
  readonly parameter: string
  readonly body: Expression
}

/** `await expression`, preceded by `// comment` lines. */
export interface AwaitStatement {
  readonly kind: 'await'
  readonly comments: readonly string[]
  readonly expression: Expression
}

/** `export async function name(db: Kysely<any>): Promise<void> { ... }` */
export interface MigrationFunction {
  readonly name: string
  readonly body: readonly AwaitStatement[]
}

export interface MigrationFile {
  /** Lines of the leading `/** ... *\/` block. */
  readonly docComment: readonly string[]
  readonly functions: readonly MigrationFunction[]
}

export function string(value: string): StringLiteral {
  return { kind: 'string', value }
}

export function array(items: readonly Expression[]): ArrayLiteral {
  return { kind: 'array', items }
}

export function sqlTemplate(text: string, type: string | null = null): SqlTemplate {
  return { kind: 'sql', text, type }
}

export function identifier(name: string): Identifier {
  return { kind: 'identifier', name }
}

export function call(method: string, ...args: readonly Expression[]): MethodCall {
  return { method, args }
}

export function chain(target: Expression, calls: readonly MethodCall[]): CallChain {
  return { kind: 'chain', target, calls }
}

/** `(parameter) => parameter.call().call()` */
export function arrow(parameter: string, calls: readonly MethodCall[]): ArrowFunction {
  return { kind: 'arrow', parameter, body: chain(identifier(parameter), calls) }
}
