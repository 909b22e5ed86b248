export * from './runtime.js'
export { readModels, type ReadModelsOptions } from './models/read-models.js'
export * from './autogenerate.js'
export { checkProject, type CheckOptions } from './check/check-project.js'
