import { relative, sep } from 'node:path'
import type { Node } from 'ts-morph'
import { ModelError } from '../errors.js'
import type { ModelOrigin } from '../schema/schema.js'

/** Model files are named relative to the working directory in origins and messages. */
export function displayPath(absolutePath: string): string {
  return relative(process.cwd(), absolutePath).split(sep).join('/')
}

export function originOf(node: Node, symbol: string, line = node.getStartLineNumber()): ModelOrigin {
  return { kind: 'model', file: displayPath(node.getSourceFile().getFilePath()), line, symbol }
}

/** `models/users.ts:12: UserTable.age: unknown type "Foo"`. */
export function errorAt(origin: ModelOrigin, message: string): ModelError {
  return new ModelError(origin.file, origin.line, `${origin.symbol}: ${message}`)
}
