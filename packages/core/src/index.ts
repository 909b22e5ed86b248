export * from './runtime.js'
export { readModels, type ReadModelsOptions } from './models/read-models.js'
export { checkProject, type CheckOptions } from './check/check-project.js'
