import type { Schema } from '../../src/schema/schema.js'

/** Model-only keys: where an element was declared and rename hints. */
const MODEL_ONLY_KEYS: ReadonlySet<string> = new Set(['origin', 'renamedFrom', 'renamedValues'])

/** A schema without its model-only keys: what two databases can agree on. */
export function stripOrigins(schema: Schema): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value) => (MODEL_ONLY_KEYS.has(key) ? undefined : value)))
}
