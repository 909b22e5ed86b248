import fc from 'fast-check'
import type { ModelPair } from '../support/round-trip.js'
import { edit, model } from './arbitraries.js'
import { applyEdits } from './edits.js'
import type { SpecPair } from './model-spec.js'
import { printModels } from './print-models.js'
import { resolveModel } from './resolve-references.js'
import { validPair } from './valid-pair.js'
import { validModel } from './valid-model.js'

/** Edits per pair: enough to combine changes, few enough to read a shrunk pair. */
const MAX_EDITS = 4

/** A model and an edit of it, both valid (the edits may also cancel out: then nothing changes). */
export const specPairs: fc.Arbitrary<SpecPair> = fc.tuple(model, fc.array(edit, { minLength: 1, maxLength: MAX_EDITS })).map(([raw, edits]) => {
  const before = validModel(resolveModel(raw))
  return validPair(before, validModel(applyEdits(before, edits)))
})

/** The pair as the models files a user would write, printed as such in fast-check's reports. */
export const modelPairs: fc.Arbitrary<ModelPair> = specPairs.map((pair) => {
  const files = { before: { 'index.ts': printModels(pair.before) }, after: { 'index.ts': printModels(pair.after, pair.before) }, allowDrop: true }
  return { ...files, [fc.toStringMethod]: () => describePair(files) }
})

export function describePair(pair: ModelPair): string {
  return `\n--- before: models/index.ts\n${pair.before['index.ts']}\n--- after: models/index.ts\n${pair.after['index.ts']}`
}
