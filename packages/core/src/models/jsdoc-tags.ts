import type { ts as TS } from 'ts-morph'
import type { ModelOrigin } from '../schema/schema.js'
import { errorAt } from './model-errors.js'
import { lineAt } from './model-location.js'
import { ts } from './typescript.js'

type Node = TS.Node

/**
 * Reads a declaration's JSDoc into a description and tags by hand, from the comment's raw text.
 * TypeScript's own JSDoc parser is not used for the tags: it swallows `@type`, `@see`, `@param`,
 * `@returns`, `@template` and `@enum` into its own structures and loses line numbers.
 *
 * Rules: a tag is `@name` at the start of a line or after whitespace, outside backticks; its text
 * runs to the next tag. Backticks protect SQL such as `tags @> '{a}'` (where ` @` would otherwise
 * start a tag) and are removed from tag text (PostgreSQL never uses them). Continuation lines of
 * a tag are joined with one space; description lines keep their line breaks.
 */

export interface JsDocTag {
  readonly name: string
  readonly text: string
  readonly line: number
}

export interface JsDocInfo {
  readonly description: string | null
  readonly tags: readonly JsDocTag[]
}

const EMPTY: JsDocInfo = { description: null, tags: [] }
const TAG_NAME = /^@([A-Za-z][A-Za-z0-9]*)/
/** `/**` but not the empty comment `/**\/`. */
const JSDOC_START = /^\/\*\*(?!\/)/
/** ` * ` at the start of a comment line. */
const LINE_PREFIX = /^\s*\*? ?/

/**
 * The `/** ... *\/` comment right before a declaration (an earlier one is a file header). Read
 * from the comments before the node rather than the parser's JSDoc: TypeScript attaches none to
 * a member that follows another on the same line (`{ a: number; /** @unique *\/ b: string }`),
 * and its tags would be lost silently.
 */
export function readJsDoc(node: Node): JsDocInfo {
  // TypeScript's scanner counts a comment on the line of the previous token as that token's
  // trailing comment: it is this node's when the node starts on the line where it ends
  // (`a: number; /** @unique */ b: string`).
  const sourceFile = node.getSourceFile()
  const text = sourceFile.text
  const startLine = lineAt(node)
  const trailing = (ts.getTrailingCommentRanges(text, node.pos) ?? []).filter((range) => lineAt(sourceFile, range.end) === startLine)
  const ranges = [...trailing, ...(ts.getLeadingCommentRanges(text, node.pos) ?? [])]
  const comments = ranges.filter((range) => JSDOC_START.test(text.slice(range.pos, range.end)))
  const comment = comments[comments.length - 1]
  if (comment === undefined) return EMPTY
  return parseJsDoc(text.slice(comment.pos, comment.end), lineAt(sourceFile, comment.pos))
}

function parseJsDoc(text: string, firstLine: number): JsDocInfo {
  const lines = text.replace(/^\/\*\*/, '').replace(/\*\/$/, '').split('\n').map((line) => line.replace(LINE_PREFIX, ''))
  const descriptionLines: string[] = []
  const tags: { name: string; line: number; parts: string[] }[] = []
  let inBackticks = false
  lines.forEach((line, index) => {
    // The text from `start` (the line's start, or just after a tag name) to `end` goes to the
    // description, or to the tag before it.
    let start = 0
    const flush = (end: number): void => {
      const trimmed = line.slice(start, end).trim()
      if (tags.length === 0) descriptionLines.push(trimmed)
      else if (trimmed !== '') tags[tags.length - 1].parts.push(trimmed)
    }
    for (let i = 0; i < line.length; i++) {
      const char = line[i]
      if (char === '`') inBackticks = !inBackticks
      if (inBackticks || char !== '@' || (i > 0 && !/\s/.test(line[i - 1]))) continue
      const tagName = TAG_NAME.exec(line.slice(i))
      if (tagName === null) continue
      flush(i)
      tags.push({ name: tagName[1], line: firstLine + index, parts: [] })
      i += tagName[0].length - 1
      start = i + 1
    }
    flush(line.length)
  })
  const description = descriptionLines.join('\n').trim()
  return {
    description: description === '' ? null : description,
    tags: tags.map((tag) => ({ name: tag.name, line: tag.line, text: tag.parts.join(' ').replaceAll('`', '') })),
  }
}

/** Names the first tag that is not allowed here, with the tag's own line. */
export function checkTagNames(tags: readonly JsDocTag[], allowed: ReadonlySet<string>, origin: ModelOrigin): void {
  for (const tag of tags) {
    if (allowed.has(tag.name)) continue
    throw errorAt(tagOrigin(origin, tag), `@${tag.name} is not a known tag here`)
  }
}

/** Where a tag was written: its own line, the declaration's symbol. */
export function tagOrigin(origin: ModelOrigin, tag: JsDocTag): ModelOrigin {
  return { ...origin, line: tag.line }
}
