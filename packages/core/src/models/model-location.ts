import { ts, type Node } from 'ts-morph'
import type { ModelOrigin } from '../schema/schema.js'
import { displayPath } from './model-errors.js'

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
