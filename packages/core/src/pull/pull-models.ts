import { type ReadCatalogOptions, readCatalog } from '../catalog/read-catalog.js'
import { queryUnmanaged } from '../catalog/query-unmanaged.js'
import type { Database } from '../database/connect.js'
import { type StageListener, timeStage } from '../stage-timings.js'
import { buildModelFile } from './build-model-file.js'
import { serializeModels } from './serialize-models.js'

/**
 * `migrate pull`: the models file (TypeScript source) that says the database's schema, for the
 * schemas and tables `options` select (by default every schema holding something the reader
 * reports).
 */
export async function pullModels(database: Database, options: ReadCatalogOptions = {}, onStage?: StageListener): Promise<string> {
  const [schema, unmanaged] = await timeStage(onStage, 'read catalog', async () => {
    // On one connection: at 1,000 tables, on the 2-core machine, the two more connections of a
    // concurrent read (started for it, importing the snapshot) cost more than the parallel
    // queries save (one read with the unmanaged objects: ~575 ms wall against ~685 ms).
    const read = await readCatalog(database.db, options)
    return [read, await queryUnmanaged(database.db, read.schemas)] as const
  })
  return timeStage(onStage, 'emit', () =>
    serializeModels(buildModelFile(schema, { source: database.label, unexpressible: unmanaged.map((object) => `${object.kind} ${object.name}`) })),
  )
}
