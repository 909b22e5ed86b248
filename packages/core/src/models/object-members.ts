import type { ts as TS } from 'ts-morph'
import type { ModelOrigin } from '../schema/schema.js'
import { errorAt } from './model-errors.js'
import { lineAt, originOf } from './model-location.js'
import { declarationName, findDeclaration, type TypeDeclaration } from './resolve-aliases.js'
import type { ModelSources } from './source-files.js'
import { ts } from './typescript.js'

type Node = TS.Node
type PropertySignature = TS.PropertySignature

/**
 * The properties of the root interface or of a table: an interface (the properties of the
 * interfaces it extends first) or a type alias of an object literal type.
 */
export function objectProperties(sources: ModelSources, declaration: TypeDeclaration): readonly PropertySignature[] {
  const origin = originOf(declaration, declarationName(declaration))
  if (ts.isTypeAliasDeclaration(declaration)) {
    const body = declaration.type
    if (!ts.isTypeLiteralNode(body)) throw errorAt(origin, 'must be an interface or an object literal type')
    return properties(body.members, origin)
  }
  const extendsClause = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
  const inherited = (extendsClause?.types ?? []).flatMap((base) => {
    const name = base.expression.getText()
    const found = findDeclaration(sources, declaration.getSourceFile(), name)
    if (found === null) throw errorAt(originOf(base, declarationName(declaration)), `cannot find the extended type "${name}"`)
    return objectProperties(sources, found)
  })
  return [...inherited, ...properties(declaration.members, origin)]
}

function properties(members: readonly Node[], origin: ModelOrigin): readonly PropertySignature[] {
  return members.map((member) => {
    if (!ts.isPropertySignature(member)) throw errorAt({ ...origin, line: lineAt(member) }, `only properties are allowed here, found "${member.getText()}"`)
    return member
  })
}

/** `email`, `'first name'`, `"audit.events"`: the name without quotes. */
export function propertyName(property: PropertySignature, origin: ModelOrigin): string {
  const name = property.name
  if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text
  if (ts.isIdentifier(name) || ts.isNumericLiteral(name)) return name.getText()
  throw errorAt(origin, `computed property names are not supported ("${name.getText()}")`)
}
