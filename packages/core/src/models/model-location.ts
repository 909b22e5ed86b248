import type { ts as TS } from 'ts-morph'
import type { ModelOrigin } from '../schema/schema.js'
import { displayPath } from './model-errors.js'
import { ts } from './typescript.js'

type Node = TS.Node

export function originOf(node: Node, symbol: string): ModelOrigin {
  return { kind: 'model', file: displayPath(node.getSourceFile().fileName), line: lineAt(node), symbol }
}

/** The 1-based line of `position` (by default the node's first token), from the file's cached line map. */
export function lineAt(node: Node, position = node.getStart()): number {
  return ts.getLineAndCharacterOfPosition(node.getSourceFile(), position).line + 1
}
