import { relative, sep } from 'node:path'
import { ModelError } from '../errors.js'
import type { ModelOrigin } from '../schema/schema.js'

/**
 * Paths already made relative, by working directory, then path: every column's origin names its
 * file, and path.relative() was a measurable share of reading 1,000 tables.
 */
const displayPaths = new Map<string, Map<string, string>>()

/** Model files are named relative to the working directory in origins and messages. */
export function displayPath(absolutePath: string): string {
  const cwd = process.cwd()
  let shownFrom = displayPaths.get(cwd)
  if (shownFrom === undefined) {
    shownFrom = new Map()
    displayPaths.set(cwd, shownFrom)
  }
  let shown = shownFrom.get(absolutePath)
  if (shown === undefined) {
    shown = relative(cwd, absolutePath).split(sep).join('/')
    shownFrom.set(absolutePath, shown)
  }
  return shown
}

/** `models/users.ts:12: UserTable.age: unknown type "Foo"`. */
export function errorAt(origin: ModelOrigin, message: string): ModelError {
  return new ModelError(origin.file, origin.line, `${origin.symbol}: ${message}`)
}
