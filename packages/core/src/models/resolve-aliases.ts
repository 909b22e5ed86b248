import type { ts as TS } from 'ts-morph'
import type { ModelSources } from './source-files.js'
import { ts } from './typescript.js'

type Expression = TS.Expression
type ExportSpecifier = TS.ExportSpecifier
type ImportSpecifier = TS.ImportSpecifier
type InterfaceDeclaration = TS.InterfaceDeclaration
type SourceFile = TS.SourceFile
type TypeAliasDeclaration = TS.TypeAliasDeclaration

/**
 * Name resolution by hand over the AST (no type checker): a type name used in a file is declared
 * in that file, or imported from a relative file that declares or re-exports it (`export { A }`,
 * `export { A as B } from './a.js'`, `export * from './a.js'`). Names imported from packages
 * (`kysely`) resolve to null: the reader knows those by name.
 */

export type TypeDeclaration = InterfaceDeclaration | TypeAliasDeclaration

export function declarationName(declaration: TypeDeclaration): string {
  return declaration.name.text
}

/** The file's top-level type aliases, in order. */
export function typeAliases(file: SourceFile): readonly TypeAliasDeclaration[] {
  return file.statements.filter(ts.isTypeAliasDeclaration)
}

/** The declaration `name` refers to inside `file`. */
export function findDeclaration(sources: ModelSources, file: SourceFile, name: string): TypeDeclaration | null {
  return new Resolver(sources).declared(file, name)
}

/** The declaration `file` exports under `name` (how an importer sees it). */
export function findExport(sources: ModelSources, file: SourceFile, name: string): TypeDeclaration | null {
  return new Resolver(sources).exported(file, name)
}

/** Each file's top-level interfaces and aliases by name, indexed once (a scan per lookup is quadratic). */
const LOCAL_DECLARATIONS = new WeakMap<SourceFile, ReadonlyMap<string, TypeDeclaration>>()

function localDeclarations(file: SourceFile): ReadonlyMap<string, TypeDeclaration> {
  let index = LOCAL_DECLARATIONS.get(file)
  if (index === undefined) {
    // Aliases first, so that an interface of the same name wins.
    const declarations: readonly TypeDeclaration[] = [...typeAliases(file), ...file.statements.filter(ts.isInterfaceDeclaration)]
    index = new Map(declarations.map((declaration) => [declarationName(declaration), declaration]))
    LOCAL_DECLARATIONS.set(file, index)
  }
  return index
}

class Resolver {
  /** Guards against import and `export *` cycles. */
  private readonly seen = new Set<string>()

  constructor(private readonly sources: ModelSources) {}

  declared(file: SourceFile, name: string): TypeDeclaration | null {
    if (!this.firstVisit('declared', file, name)) return null
    const local = localDeclarations(file).get(name)
    if (local !== undefined) return local
    for (const declaration of file.statements.filter(ts.isImportDeclaration)) {
      const bindings = declaration.importClause?.namedBindings
      const specifier = bindings !== undefined && ts.isNamedImports(bindings) ? bindings.elements.find((named) => named.name.text === name) : undefined
      if (specifier === undefined) continue
      const target = this.sources.imported(declaration, moduleSpecifierText(declaration.moduleSpecifier))
      return target === null ? null : this.exported(target, importedName(specifier))
    }
    return null
  }

  exported(file: SourceFile, name: string): TypeDeclaration | null {
    if (!this.firstVisit('exported', file, name)) return null
    for (const declaration of file.statements.filter(ts.isExportDeclaration)) {
      const moduleSpecifier = declaration.moduleSpecifier === undefined ? undefined : moduleSpecifierText(declaration.moduleSpecifier)
      const clause = declaration.exportClause
      if (clause === undefined || ts.isNamespaceExport(clause)) {
        // `export * from './a.js'` (but not `export * as a from`, which only adds a namespace).
        if (moduleSpecifier === undefined || clause !== undefined) continue
        const target = this.sources.imported(declaration, moduleSpecifier)
        const found = target === null ? null : this.exported(target, name)
        if (found !== null) return found
        continue
      }
      const specifier = clause.elements.find((named) => named.name.text === name)
      if (specifier === undefined) continue
      if (moduleSpecifier === undefined) return this.declared(file, importedName(specifier))
      const target = this.sources.imported(declaration, moduleSpecifier)
      return target === null ? null : this.exported(target, importedName(specifier))
    }
    return this.declared(file, name)
  }

  private firstVisit(kind: string, file: SourceFile, name: string): boolean {
    const key = `${kind}\0${file.fileName}\0${name}`
    if (this.seen.has(key)) return false
    this.seen.add(key)
    return true
  }
}

/** `A` in `{ A }` and in `{ A as B }`: the name in the other module. */
function importedName(specifier: ImportSpecifier | ExportSpecifier): string {
  return (specifier.propertyName ?? specifier.name).text
}

/** The parser reports a module specifier that is no string literal as a syntax error. */
function moduleSpecifierText(specifier: Expression): string {
  return ts.isStringLiteral(specifier) ? specifier.text : specifier.getText()
}
