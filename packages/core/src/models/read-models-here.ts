import type { Schema } from '../schema/schema.js'
import { type StageListener, timeStage } from '../stage-timings.js'
import type { ReadModelsOptions } from './read-models.js'

/** Where a command (autogenerate, check) gets its models. */
export interface ModelSource {
  readonly modelsFile: string
  readonly rootInterface: string
  /**
   * The models of `modelsFile`, when the caller is already reading them, e.g. on a worker thread
   * (ModelReaderThread): the command goes on meanwhile. Else they are read on this thread.
   */
  readonly models?: Promise<Schema>
  readonly onStage?: StageListener
}

/** The source's models: the reading under way, else one on this thread (timed as 'read models'). */
export function sourcedModels(source: ModelSource): Promise<Schema> {
  return source.models ?? timeStage(source.onStage, 'read models', () => readModelsHere(source.modelsFile, { rootInterface: source.rootInterface }))
}

/**
 * readModels() on this thread, imported on first use: the TypeScript compiler it loads costs
 * ~0.4 s, which a caller reading the models on a worker thread (ModelReaderThread) does not pay
 * a second time on this one.
 */
async function readModelsHere(entryFile: string, options: ReadModelsOptions): Promise<Schema> {
  const { readModels } = await import('./read-models.js')
  return readModels(entryFile, options)
}
