import type { InterfaceDeclaration, SourceFile, TypeAliasDeclaration } from 'ts-morph'
import type { ModelSources } from './source-files.js'

/**
 * Name resolution by hand over the AST (no type checker): a type name used in a file is declared
 * in that file, or imported from a relative file that declares or re-exports it (`export { A }`,
 * `export { A as B } from './a.js'`, `export * from './a.js'`). Names imported from packages
 * (`kysely`) resolve to null: the reader knows those by name.
 */

export type TypeDeclaration = InterfaceDeclaration | TypeAliasDeclaration

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
    // Aliases first, so that an interface of the same name wins, as getInterface() ?? getTypeAlias() would.
    const declarations: readonly TypeDeclaration[] = [...file.getTypeAliases(), ...file.getInterfaces()]
    index = new Map(declarations.map((declaration) => [declaration.getName(), declaration]))
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
    for (const declaration of file.getImportDeclarations()) {
      const specifier = declaration.getNamedImports().find((named) => (named.getAliasNode()?.getText() ?? named.getName()) === name)
      if (specifier === undefined) continue
      const target = this.sources.imported(declaration, declaration.getModuleSpecifierValue())
      return target === null ? null : this.exported(target, specifier.getName())
    }
    return null
  }

  exported(file: SourceFile, name: string): TypeDeclaration | null {
    if (!this.firstVisit('exported', file, name)) return null
    for (const declaration of file.getExportDeclarations()) {
      const moduleSpecifier = declaration.getModuleSpecifierValue()
      if (declaration.isNamespaceExport()) {
        // `export * from './a.js'` (but not `export * as a from`, which only adds a namespace).
        if (moduleSpecifier === undefined || declaration.getNamespaceExport() !== undefined) continue
        const target = this.sources.imported(declaration, moduleSpecifier)
        const found = target === null ? null : this.exported(target, name)
        if (found !== null) return found
        continue
      }
      const specifier = declaration.getNamedExports().find((named) => (named.getAliasNode()?.getText() ?? named.getName()) === name)
      if (specifier === undefined) continue
      if (moduleSpecifier === undefined) return this.declared(file, specifier.getName())
      const target = this.sources.imported(declaration, moduleSpecifier)
      return target === null ? null : this.exported(target, specifier.getName())
    }
    return this.declared(file, name)
  }

  private firstVisit(kind: string, file: SourceFile, name: string): boolean {
    const key = `${kind}\0${file.getFilePath()}\0${name}`
    if (this.seen.has(key)) return false
    this.seen.add(key)
    return true
  }
}
