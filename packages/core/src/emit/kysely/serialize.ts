import { type AwaitStatement, type CallChain, DB_PARAMETER, type Expression, type MethodCall, type MigrationFile, type MigrationFunction } from './ast.js'

const INDENT = '  '
/**
 * A chain longer than this, or with more calls than MAX_INLINE_CALLS, gets one call a line. A
 * single call (``sql`...`.execute(db)``) never breaks: the SQL is as long as it is.
 */
const MAX_LINE_WIDTH = 100
const MAX_INLINE_CALLS = 3
/** A string without these is quoted as it is (nearly every name and type in a migration). */
const NEEDS_ESCAPING = /['"\\\n\r]/

/** The whole file: doc comment, import, functions, in a layout fixed entirely by the AST. */
export function serializeMigration(file: MigrationFile): string {
  const usesSql = file.functions.some((fn) => fn.body.some((statement) => containsSql(statement.expression)))
  const importLine = usesSql ? `import { type Kysely, sql } from 'kysely'` : `import type { Kysely } from 'kysely'`
  const parts = [`${serializeDocComment(file.docComment)}\n${importLine}`, ...file.functions.map(serializeFunction)]
  return parts.join('\n\n') + '\n'
}

/** Statements at the given depth, separated by blank lines. */
export function serializeStatements(statements: readonly AwaitStatement[], depth: number): string {
  return statements.map((statement) => serializeStatement(statement, depth)).join('\n\n')
}

function serializeDocComment(lines: readonly string[]): string {
  // `*/` inside the text would end the comment early.
  const body = lines.map((line) => (line === '' ? ' *' : ` * ${line.replaceAll('*/', '*\\/')}`))
  return ['/**', ...body, ' */'].join('\n')
}

function serializeFunction(fn: MigrationFunction): string {
  const signature = `export async function ${fn.name}(${DB_PARAMETER}: Kysely<any>): Promise<void>`
  if (fn.body.length === 0) return `${signature} {}`
  return `${signature} {\n${serializeStatements(fn.body, 1)}\n}`
}

function serializeStatement(statement: AwaitStatement, depth: number): string {
  const indent = INDENT.repeat(depth)
  const width = MAX_LINE_WIDTH - indent.length - '// '.length
  const comments = statement.comments
    .flatMap((comment) => wrapWords(comment, width))
    .map((line) => `${indent}// ${line}\n`)
    .join('')
  return `${comments}${indent}await ${serializeTopExpression(statement.expression, depth)}`
}

/** A chain too long for one line breaks before each call, one indent deeper (Kysely docs style). */
function serializeTopExpression(expression: Expression, depth: number): string {
  if (expression.kind !== 'chain') return serializeExpression(expression)
  // A chain of many calls breaks whatever its width, so it is not printed inline first: a
  // created table's chain is most of a migration.
  const inline = expression.calls.length <= MAX_INLINE_CALLS ? serializeExpression(expression) : null
  if (inline !== null && fitsOnOneLine(expression, inline, depth)) return inline
  const callIndent = INDENT.repeat(depth + 1)
  const calls = expression.calls.map((c) => `\n${callIndent}${serializeCall(c)}`).join('')
  return `${serializeExpression(expression.target)}${calls}`
}

function fitsOnOneLine(expression: CallChain, inline: string, depth: number): boolean {
  const width = INDENT.length * depth + 'await '.length + inline.length
  if (expression.calls.length === 1) return true
  return width <= MAX_LINE_WIDTH && !inline.includes('\n')
}

function serializeExpression(expression: Expression): string {
  switch (expression.kind) {
    case 'string':
      return quoteString(expression.value)
    case 'array':
      return `[${expression.items.map(serializeExpression).join(', ')}]`
    case 'sql':
      return `sql${expression.type === null ? '' : `<${expression.type}>`}\`${escapeTemplate(expression.text)}\``
    case 'identifier':
      return expression.name
    case 'chain':
      return `${serializeExpression(expression.target)}${expression.calls.map(serializeCall).join('')}`
    case 'arrow':
      return `(${expression.parameter}) => ${serializeExpression(expression.body)}`
  }
}

function serializeCall(c: MethodCall): string {
  return `.${c.method}(${c.args.map(serializeExpression).join(', ')})`
}

function containsSql(expression: Expression): boolean {
  switch (expression.kind) {
    case 'sql':
      return true
    case 'array':
      return expression.items.some(containsSql)
    case 'chain':
      return containsSql(expression.target) || expression.calls.some((c) => c.args.some(containsSql))
    case 'arrow':
      return containsSql(expression.body)
    case 'string':
    case 'identifier':
      return false
  }
}

/** Greedy word wrap; a word longer than `width` gets a line of its own. */
function wrapWords(text: string, width: number): readonly string[] {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const last = lines.length - 1
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`
    else lines.push(word)
  }
  return lines
}

/** Single quotes, or double quotes when that avoids escaping (as Prettier does). */
function quoteString(value: string): string {
  if (!NEEDS_ESCAPING.test(value)) return `'${value}'`
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'"
  const escaped = value
    .replaceAll('\\', '\\\\')
    .replaceAll(quote, `\\${quote}`)
    .replaceAll('\n', '\\n')
    .replaceAll('\r', '\\r')
  return `${quote}${escaped}${quote}`
}

/** Inside a template literal only `\`, the backtick and `${` are special. */
function escapeTemplate(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${')
}
