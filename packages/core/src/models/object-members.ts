import { Node, type PropertySignature } from 'ts-morph'
import type { ModelOrigin } from '../schema/schema.js'
import { errorAt } from './model-errors.js'
import { lineAt, originOf } from './model-location.js'
import { findDeclaration, type TypeDeclaration } from './resolve-aliases.js'
import type { ModelSources } from './source-files.js'

/**
 * The properties of the root interface or of a table: an interface (the properties of the
 * interfaces it extends first) or a type alias of an object literal type.
 */
export function objectProperties(sources: ModelSources, declaration: TypeDeclaration): readonly PropertySignature[] {
  const origin = originOf(declaration, declaration.getName())
  if (Node.isTypeAliasDeclaration(declaration)) {
    const body = declaration.getTypeNodeOrThrow()
    if (!Node.isTypeLiteral(body)) throw errorAt(origin, 'must be an interface or an object literal type')
    return properties(body.getMembers(), origin)
  }
  const inherited = declaration.getExtends().flatMap((base) => {
    const name = base.getExpression().getText()
    const found = findDeclaration(sources, declaration.getSourceFile(), name)
    if (found === null) throw errorAt(originOf(base, declaration.getName()), `cannot find the extended type "${name}"`)
    return objectProperties(sources, found)
  })
  return [...inherited, ...properties(declaration.getMembers(), origin)]
}

function properties(members: readonly Node[], origin: ModelOrigin): readonly PropertySignature[] {
  return members.map((member) => {
    if (!Node.isPropertySignature(member)) throw errorAt({ ...origin, line: lineAt(member) }, `only properties are allowed here, found "${member.getText()}"`)
    return member
  })
}

/** `email`, `'first name'`, `"audit.events"`: the name without quotes. */
export function propertyName(property: PropertySignature, origin: ModelOrigin): string {
  const name = property.getNameNode()
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue()
  if (Node.isIdentifier(name) || Node.isNumericLiteral(name)) return name.getText()
  throw errorAt(origin, `computed property names are not supported ("${name.getText()}")`)
}
