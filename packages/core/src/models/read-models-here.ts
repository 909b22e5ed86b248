import type { Schema } from '../schema/schema.js'
import type { ReadModelsOptions } from './read-models.js'

/**
 * readModels() on this thread, imported on first use: the TypeScript compiler it loads costs
 * ~0.4 s, which a caller reading the models on a worker thread (ModelReaderThread) does not pay
 * a second time on this one.
 */
export async function readModelsHere(entryFile: string, options: ReadModelsOptions): Promise<Schema> {
  const { readModels } = await import('./read-models.js')
  return readModels(entryFile, options)
}
