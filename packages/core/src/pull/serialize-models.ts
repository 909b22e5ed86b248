import type { Declaration, Doc, Member, ModelFile, TypeExpression } from './model-ast.js'

/**
 * Prints a models file deterministically: the header comment, the kysely import, then the
 * declarations in the given order, each with its JSDoc, two-space indentation, no semicolons
 * (the style of the repository's own models).
 */

const INDENT = '  '
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export function serializeModels(file: ModelFile): string {
  const parts = [
    // A plain block comment: as JSDoc, with no import after it, it would be the description of
    // the first declaration (an enum's COMMENT ON TYPE).
    file.header.length === 0 ? null : ['/*', ...file.header.map((line) => commentLine('', line)), ' */'].join('\n'),
    file.kyselyImports.length === 0 ? null : `import type { ${[...file.kyselyImports].sort().join(', ')} } from 'kysely'`,
    ...file.declarations.map(serializeDeclaration),
  ]
  return `${parts.filter((part) => part !== null).join('\n\n')}\n`
}

function serializeDeclaration(declaration: Declaration): string {
  const doc = serializeDoc(declaration.doc, '')
  if (declaration.kind === 'alias') return `${doc}export type ${declaration.name} = ${serializeType(declaration.type, '')}`
  return `${doc}export interface ${declaration.name} ${serializeMembers(declaration.members, '')}`
}

function serializeMembers(members: readonly Member[], indent: string): string {
  if (members.length === 0) return '{}'
  const inner = indent + INDENT
  const lines = members.map((member) => `${serializeDoc(member.doc, inner)}${inner}${propertyName(member.name)}: ${serializeType(member.type, inner)}`)
  return `{\n${lines.join('\n')}\n${indent}}`
}

function serializeType(type: TypeExpression, indent: string): string {
  switch (type.kind) {
    case 'keyword':
      return type.name
    case 'literal':
      return typeof type.value === 'string' ? stringLiteral(type.value) : String(type.value)
    case 'reference':
      return type.args.length === 0 ? type.name : `${type.name}<${type.args.map((arg) => serializeType(arg, indent)).join(', ')}>`
    case 'array': {
      const element = serializeType(type.element, indent)
      return type.element.kind === 'union' ? `(${element})[]` : `${element}[]`
    }
    case 'union':
      return type.members.map((member) => serializeType(member, indent)).join(' | ')
    case 'object':
      return serializeMembers(type.members, indent)
  }
}

/** A JSDoc block: the description's lines, then one line per tag; nothing when both are empty. */
function serializeDoc(doc: Doc, indent: string): string {
  const tagLines = doc.tags.map((tag) => `@${tag.name}${tag.text === '' ? '' : ` ${tag.text}`}`)
  // concat, not spreads: see columnMember in build-model-file.ts.
  const lines = doc.description === null ? tagLines : doc.description.split('\n').concat(tagLines)
  if (lines.length === 0) return ''
  if (lines.length === 1 && doc.description === null) return `${indent}/** ${escapeComment(lines[0])} */\n`
  return `${indent}/**\n${lines.map((line) => commentLine(indent, line)).join('\n')}\n${indent} */\n`
}

function commentLine(indent: string, line: string): string {
  return line === '' ? `${indent} *` : `${indent} * ${escapeComment(line)}`
}

/** `*\/` would end the comment early. */
function escapeComment(text: string): string {
  return text.replaceAll('*/', '*\\/')
}

function propertyName(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name)
}

/** Single quotes, like the repository's code; JSON escaping for the rest. */
function stringLiteral(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replaceAll("\\\"", '"').replaceAll("'", "\\'")}'`
}
