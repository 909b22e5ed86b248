import { type ReadCatalogOptions, readCatalog } from '../catalog/read-catalog.js'
import { queryUnmanaged } from '../catalog/query-unmanaged.js'
import type { Database } from '../database/connect.js'
import { buildModelFile } from './build-model-file.js'
import { serializeModels } from './serialize-models.js'

/**
 * `migrate pull`: the models file (TypeScript source) that says the database's schema, for the
 * schemas and tables `options` select (by default every schema holding something the reader
 * reports).
 */
export async function pullModels(database: Database, options: ReadCatalogOptions = {}): Promise<string> {
  const schema = await readCatalog(database.db, options)
  const unmanaged = await queryUnmanaged(database.db, schema.schemas)
  return serializeModels(
    buildModelFile(schema, { source: database.label, unexpressible: unmanaged.map((object) => `${object.kind} ${object.name}`) }),
  )
}
