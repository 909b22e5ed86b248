import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import type { ts as TS } from 'ts-morph'
import { ModelError, UserError } from '../errors.js'
import { displayPath } from './model-errors.js'
import { lineAt } from './model-location.js'
import { ts } from './typescript.js'

type DiagnosticWithLocation = TS.DiagnosticWithLocation
type Node = TS.Node
type SourceFile = TS.SourceFile

/**
 * The model files, parsed one by one as imports are followed, with TypeScript's parser alone:
 * only the files we ask for are parsed, and no program or type checker is ever built (the
 * checker triples the cost at 1,000 tables). Parent pointers are set, so a node knows its file.
 */

/**
 * JSDoc is read by hand from the comment text (jsdoc-tags.ts): the parser need not build JSDoc
 * nodes, nearly half of parsing a models file with a comment on every column.
 */
const PARSE_OPTIONS = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }

/** How a relative import specifier maps to a source file (NodeNext writes `.js` for `.ts`). */
const EXTENSION_CANDIDATES: readonly (readonly [string, readonly string[]])[] = [
  ['.js', ['.ts', '.d.ts']],
  ['.mjs', ['.mts', '.d.mts']],
  ['.ts', ['']],
  ['.mts', ['']],
  ['', ['.ts', '.d.ts', '/index.ts', '/index.d.ts']],
]

/** `parseDiagnostics` is internal to TypeScript's SourceFile: the syntax errors found while parsing. */
interface ParsedSourceFile extends SourceFile {
  readonly parseDiagnostics?: readonly DiagnosticWithLocation[]
}

export class ModelSources {
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
    const base = resolve(dirname(from.getSourceFile().fileName), specifier)
    for (const [extension, replacements] of EXTENSION_CANDIDATES) {
      if (!base.endsWith(extension)) continue
      const stem = base.slice(0, base.length - extension.length)
      const found = replacements.map((replacement) => stem + (replacement === '' ? extension : replacement)).find(isFile)
      if (found !== undefined) return this.load(found)
    }
    const file = displayPath(from.getSourceFile().fileName)
    throw new ModelError(file, lineAt(from), `cannot find the model file imported as "${specifier}"`)
  }

  /** Every file read so far, in the order they were first read. */
  loaded(): readonly SourceFile[] {
    return [...this.files.values()]
  }

  private load(absolute: string): SourceFile {
    const cached = this.files.get(absolute)
    if (cached !== undefined) return cached
    const sourceFile = ts.createSourceFile(absolute, readFileSync(absolute, 'utf8'), PARSE_OPTIONS, true)
    rejectSyntaxErrors(sourceFile)
    this.files.set(absolute, sourceFile)
    return sourceFile
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}

/**
 * Syntax errors come from the parser's own diagnostics: a program's diagnostics would run the
 * type checker just to report them.
 */
function rejectSyntaxErrors(sourceFile: SourceFile): void {
  const diagnostic = (sourceFile as ParsedSourceFile).parseDiagnostics?.[0]
  if (diagnostic === undefined) return
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')
  throw new ModelError(displayPath(sourceFile.fileName), lineAt(sourceFile, diagnostic.start), `syntax error: ${message}`)
}
