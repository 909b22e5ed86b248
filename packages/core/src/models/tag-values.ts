import type { ModelOrigin } from '../schema/schema.js'
import type { Unnamed } from './index-spec.js'
import { tagOrigin, type JsDocTag } from './jsdoc-tags.js'
import { errorAt } from './model-errors.js'
import { TagSyntaxError } from './sql-tokens.js'

/** A constraint or index as a tag declared it, with the tag's name and place for messages. */
export interface Declared<T> {
  readonly spec: Unnamed<T>
  readonly tag: string
  readonly origin: ModelOrigin
}

/** The one tag called `name`, or null; a second one is an error. */
export function singleTag(tags: readonly JsDocTag[], name: string, origin: ModelOrigin): JsDocTag | null {
  const found = tags.filter((tag) => tag.name === name)
  if (found.length > 1) throw errorAt(tagOrigin(origin, found[1]), `@${name} is given more than once`)
  return found[0] ?? null
}

/** The text of a tag that needs one (`@default now()`), or null without the tag. */
export function tagText(tags: readonly JsDocTag[], name: string, origin: ModelOrigin, what: string): string | null {
  const tag = singleTag(tags, name, origin)
  if (tag === null) return null
  if (tag.text === '') throw errorAt(tagOrigin(origin, tag), `@${name} needs ${what}`)
  return tag.text
}

/** Runs a tag grammar, turning its syntax errors into model errors at the tag's line. */
export function declare<T>(tag: JsDocTag, origin: ModelOrigin, parse: (text: string) => Unnamed<T>): Declared<T> {
  return { spec: parseTag(tag, origin, parse), tag: tag.name, origin: tagOrigin(origin, tag) }
}

export function parseTag<T>(tag: JsDocTag, origin: ModelOrigin, parse: (text: string) => T): T {
  try {
    return parse(tag.text)
  } catch (error) {
    if (error instanceof TagSyntaxError) throw errorAt(tagOrigin(origin, tag), `@${tag.name}: ${error.message}`)
    throw error
  }
}
