import { existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { Project, ts, type Node, type SourceFile } from 'ts-morph'
import { ModelError, UserError } from '../errors.js'
import { displayPath } from './model-errors.js'
import { lineAt } from './model-location.js'

/**
 * The model files, parsed one by one as imports are followed. One ts-morph Project without a
 * tsconfig and without dependency resolution: only the files we ask for are parsed, and no type
 * checker or program is ever built (the checker triples the cost at 1,000 tables).
 */

/** How a relative import specifier maps to a source file (NodeNext writes `.js` for `.ts`). */
const EXTENSION_CANDIDATES: readonly (readonly [string, readonly string[]])[] = [
  ['.js', ['.ts', '.d.ts']],
  ['.mjs', ['.mts', '.d.mts']],
  ['.ts', ['']],
  ['.mts', ['']],
  ['', ['.ts', '.d.ts', '/index.ts', '/index.d.ts']],
]

/** `parseDiagnostics` is internal to TypeScript's SourceFile: the syntax errors found while parsing. */
interface ParsedSourceFile extends ts.SourceFile {
  readonly parseDiagnostics?: readonly ts.DiagnosticWithLocation[]
}

export class ModelSources {
  private readonly project = new Project({ skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true })
  private readonly files = new Map<string, SourceFile>()

  /** The entry file: a missing one is a plain user error (there is no line to point at). */
  entry(path: string): SourceFile {
    const absolute = resolve(process.cwd(), path)
    if (!isFile(absolute)) throw new UserError(`models file not found: ${displayPath(absolute)}`)
    return this.load(absolute)
  }

  /** The file a relative import points at, or null for a package import (`kysely`). */
  imported(from: Node, specifier: string): SourceFile | null {
    if (!specifier.startsWith('.')) return null
    const base = resolve(dirname(from.getSourceFile().getFilePath()), specifier)
    for (const [extension, replacements] of EXTENSION_CANDIDATES) {
      if (!base.endsWith(extension)) continue
      const stem = base.slice(0, base.length - extension.length)
      const found = replacements.map((replacement) => stem + (replacement === '' ? extension : replacement)).find(isFile)
      if (found !== undefined) return this.load(found)
    }
    const file = displayPath(from.getSourceFile().getFilePath())
    throw new ModelError(file, lineAt(from), `cannot find the model file imported as "${specifier}"`)
  }

  /** Every file read so far, in the order they were first read. */
  loaded(): readonly SourceFile[] {
    return [...this.files.values()]
  }

  private load(absolute: string): SourceFile {
    const cached = this.files.get(absolute)
    if (cached !== undefined) return cached
    const sourceFile = this.project.addSourceFileAtPath(absolute)
    rejectSyntaxErrors(sourceFile)
    this.files.set(absolute, sourceFile)
    return sourceFile
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

/**
 * Syntax errors come from the parser's own diagnostics: `getPreEmitDiagnostics()` and
 * `project.getProgram()` would build a program and run the type checker just to report them.
 */
function rejectSyntaxErrors(sourceFile: SourceFile): void {
  const diagnostic = (sourceFile.compilerNode as ParsedSourceFile).parseDiagnostics?.[0]
  if (diagnostic === undefined) return
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
  throw new ModelError(displayPath(sourceFile.getFilePath()), lineAt(sourceFile, diagnostic.start), `syntax error: ${message}`)
}
