import { relative, sep } from 'node:path'
import { ts, type Node } from 'ts-morph'
import { ModelError } from '../errors.js'
import type { ModelOrigin } from '../schema/schema.js'

/**
 * Paths already made relative, by working directory and path: every column's origin names its
 * file, and path.relative() was a measurable share of reading 1,000 tables.
 */
const displayPaths = new Map<string, string>()

/** Model files are named relative to the working directory in origins and messages. */
export function displayPath(absolutePath: string): string {
  const key = `${process.cwd()}\0${absolutePath}`
  let shown = displayPaths.get(key)
  if (shown === undefined) {
    shown = relative(process.cwd(), absolutePath).split(sep).join('/')
    displayPaths.set(key, shown)
  }
  return shown
}

export function originOf(node: Node, symbol: string): ModelOrigin {
  return { kind: 'model', file: displayPath(node.getSourceFile().getFilePath()), line: lineAt(node), symbol }
}

/**
 * The 1-based line of `position` (by default the node's first token). TypeScript's cached line
 * map, with a binary search: ts-morph's getStartLineNumber() counts newlines from the start of
 * the file on every call, quadratic over a large models file.
 */
export function lineAt(node: Node, position = node.getStart()): number {
  return ts.getLineAndCharacterOfPosition(node.getSourceFile().compilerNode, position).line + 1
}

/** `models/users.ts:12: UserTable.age: unknown type "Foo"`. */
export function errorAt(origin: ModelOrigin, message: string): ModelError {
  return new ModelError(origin.file, origin.line, `${origin.symbol}: ${message}`)
}
