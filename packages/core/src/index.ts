export * from './runtime.js'
export { readModels, type ReadModelsOptions } from './models/read-models.js'
