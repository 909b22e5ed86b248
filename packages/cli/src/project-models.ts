import { type Schema, type StageListener, timeStage } from '@kysely-autogen/core/runtime'
import type { Project } from './config/project.js'
import { takeModelReader } from './preload-model-reader.js'

/**
 * The project's models, read on the model reader thread while the command goes on. Marked as
 * handled: a command that fails before it awaits them (a migration that does not load) reports
 * its own failure, not an unhandled rejection.
 */
export function readProjectModels(project: Project, onStage: StageListener | undefined): Promise<Schema> {
  const reader = takeModelReader()
  const models = timeStage(onStage, 'read models', () => reader.read(project.modelsFile, { rootInterface: project.rootInterface }))
  models.catch(() => undefined)
  return models
}
