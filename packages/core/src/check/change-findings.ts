import type { Change } from '../diff/change.js'
import { type ChangeDescription, describeChange } from '../diff/describe-change.js'
import type { ModelOrigin, Origin, QualifiedName, Schema } from '../schema/schema.js'
import type { CheckFinding } from './finding.js'

type Wording = { readonly [A in ChangeDescription['action']]: string }

/** Read as "what the models have that the migrations do not" (the up plan from migrations to models). */
const MODELS_WORDING: Wording = {
  create: 'in the models, but no migration makes it',
  alter: 'the models differ from the migrations',
  drop: 'made by the migrations, but not in the models',
}

/** Read as "what the live database has that its applied migrations do not". */
const DRIFT_WORDING: Wording = {
  create: 'in the database, but no applied migration makes it',
  alter: 'the database differs from what its applied migrations make',
  drop: 'made by the applied migrations, but missing from the database',
}

/** One finding per change between the replayed migrations and the models, at the model line when there is one. */
export function modelFindings(changes: readonly Change[], models: Schema, modelsFile: string): readonly CheckFinding[] {
  return changes.map((change) => {
    const origin = modelOrigin(change, models)
    return { kind: 'modelsDiffer', message: sentence(change, MODELS_WORDING), file: origin?.file ?? modelsFile, line: origin?.line ?? null }
  })
}

/** One finding per change between the replayed applied migrations and the live database. */
export function driftFindings(changes: readonly Change[]): readonly CheckFinding[] {
  return changes.map((change) => ({ kind: 'drift', message: sentence(change, DRIFT_WORDING), file: null, line: null }))
}

function sentence(change: Change, wording: Wording): string {
  const description = describeChange(change)
  return `${description.text}: ${wording[description.action]}`
}

/**
 * The model line behind a change: the element it carries when that came from the models (an
 * added column, the new definition of an altered one), else the model of its table or type (a
 * column dropped from a model points at the model's interface).
 */
function modelOrigin(change: Change, models: Schema): ModelOrigin | null {
  const values: readonly unknown[] = Object.values(change)
  const carried = values.map(originOf).find((origin) => origin?.kind === 'model')
  if (carried?.kind === 'model') return carried
  const owner = values.find(isQualifiedName)
  if (owner === undefined) return null
  const model = [...models.tables, ...models.enums].find((item) => item.schema === owner.schema && item.name === owner.name)
  return model?.origin?.kind === 'model' ? model.origin : null
}

function originOf(value: unknown): Origin | null | undefined {
  return typeof value === 'object' && value !== null && 'origin' in value ? (value.origin as Origin | null) : undefined
}

function isQualifiedName(value: unknown): value is QualifiedName {
  return typeof value === 'object' && value !== null && 'schema' in value && 'name' in value
}
