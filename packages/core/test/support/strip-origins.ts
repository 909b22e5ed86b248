import type { Schema } from '../../src/schema/schema.js'

/** A schema with every `origin` and `renamedFrom` removed: what two databases can agree on. */
export function stripOrigins(schema: Schema): unknown {
  return JSON.parse(JSON.stringify(schema, (key, value) => (key === 'origin' || key === 'renamedFrom' ? undefined : value)))
}
