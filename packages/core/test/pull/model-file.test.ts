import { buildModelFile } from '../../src/pull/build-model-file.js'
import { serializeModels } from '../../src/pull/serialize-models.js'
import { ENTRY, modelProject } from '../models/model-project.js'
import { column, schema, table } from '../support/schema-builders.js'

/** Pull's file, read back without a database: what the reader sees in what pull writes. */
test("the header is no declaration's description, even with no import after it", () => {
  const status = { schema: 'public', name: 'status', values: ['active', 'archived'], comment: null, renamedValues: [], origin: null }
  // An enum column and a text column: no helper type, so no kysely import after the header.
  const pulled = serializeModels(
    buildModelFile(schema([table('articles', [column('title', 'text'), column('status', 'status')])], { enums: [status] }), { source: 'db', unexpressible: ['view public.v'] }),
  )
  expect(pulled).not.toContain('import')
  const read = modelProject({ [ENTRY]: pulled }).read()
  expect(read.enums.map((type) => type.comment)).toEqual([null])
})
