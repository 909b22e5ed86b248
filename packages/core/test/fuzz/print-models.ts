import { type Declaration, type DocTag, type InterfaceDeclaration, type Member, reference, type TypeExpression, keyword, union } from '../../src/pull/model-ast.js'
import { helperDeclarations } from '../../src/pull/helper-types.js'
import { serializeModels } from '../../src/pull/serialize-models.js'
import { quoteIdentifier, quoteLiteral, quoteQualified } from '../../src/schema/names.js'
import type { ColumnSpec, EnumSpec, ForeignKeySpec, IndexKeySpec, ModelSpec, TableSpec } from './model-spec.js'
import { pick, typeInfo } from './type-info.js'
import { generatedTemplates, referencedColumns } from './valid-model.js'

/**
 * A valid spec → the models file a user would write (`index.ts`), printed by `migrate pull`'s
 * serializer. With `previous`, rename hints say what the ids show was renamed since:
 * `@renamedFrom` on tables (within their schema) and columns, `@renamedValue` on enums.
 */

const KYSELY_IMPORTS = ['ColumnType', 'Generated', 'GeneratedAlways']
const WORD = /^[A-Za-z_][A-Za-z0-9_]*$/

export function printModels(spec: ModelSpec, previous: ModelSpec | null = null): string {
  const used = new Set<string>()
  const tables = spec.tables.map((table) => tableDeclaration(table, spec, previous, used))
  const root: InterfaceDeclaration = {
    kind: 'interface',
    name: 'DB',
    doc: { description: null, tags: spec.declareAudit ? [{ name: 'schema', text: 'audit' }] : [] },
    members: spec.tables.map((table, i) => ({ name: tableKey(table), doc: { description: null, tags: [] }, type: reference(tables[i].name) })),
  }
  const declarations: readonly Declaration[] = [
    ...helperDeclarations(used),
    ...spec.enums.map((e) => enumDeclaration(e, previous)),
    root,
    ...tables,
  ]
  return serializeModels({ header: [], kyselyImports: KYSELY_IMPORTS, declarations })
}

function tableKey(table: TableSpec): string {
  return table.schema === 'public' ? table.name : `${table.schema}.${table.name}`
}

function enumDeclaration(spec: EnumSpec, previous: ModelSpec | null): Declaration {
  const before = previous?.enums.find((e) => e.id === spec.id)
  const labels = spec.values.map((value) => value.label)
  const renames = spec.values.flatMap((value) => {
    const old = before?.values.find((v) => v.id === value.id)?.label
    // A hint whose old label is still a value (or gone from `before`) says nothing the reader accepts.
    return old === undefined || old === value.label || labels.includes(old) ? [] : [{ name: 'renamedValue', text: `${word(old)} ${word(value.label)}` }]
  })
  return {
    kind: 'alias',
    name: spec.alias,
    doc: { description: spec.comment, tags: [...(spec.schema === 'public' ? [] : [{ name: 'schema', text: spec.schema }]), ...renames] },
    type: union(...spec.values.map((value): TypeExpression => ({ kind: 'literal', value: value.label }))),
  }
}

function word(label: string): string {
  return WORD.test(label) ? label : quoteLiteral(label)
}

function tableDeclaration(table: TableSpec, spec: ModelSpec, previous: ModelSpec | null, used: Set<string>): InterfaceDeclaration {
  const before = previous?.tables.find((t) => t.id === table.id && t.schema === table.schema)
  const name = (id: number): string => quoteIdentifier(table.columns.find((c) => c.id === id)!.name)
  const columnTags = new Map<number, DocTag[]>(table.columns.map((c) => [c.id, []]))
  const tableTags: DocTag[] = []
  const place = (column: number | null, tag: DocTag): void => {
    if (column === null) tableTags.push(tag)
    else columnTags.get(column)!.push(tag)
  }
  const named = (constraintName: string | null, ...rest: readonly (string | null | false)[]): string =>
    [constraintName === null ? null : `${quoteIdentifier(constraintName)}:`, ...rest].filter((part) => typeof part === 'string' && part !== '').join(' ')
  const list = (ids: readonly number[]): string => `(${ids.map(name).join(', ')})`

  const primaryKey = table.primaryKey
  if (primaryKey !== null) {
    const single = primaryKey.columns.length === 1 ? primaryKey.columns[0] : null
    place(single, { name: 'primaryKey', text: named(primaryKey.name, single === null && list(primaryKey.columns)) })
  }
  for (const unique of table.uniques) {
    const column = unique.onColumn && unique.columns.length === 1 ? unique.columns[0] : null
    place(column, { name: 'unique', text: named(unique.name, column === null && list(unique.columns), unique.nullsNotDistinct && 'nullsNotDistinct') })
  }
  for (const check of table.checks) {
    place(check.onColumn ? check.column : null, { name: 'check', text: named(check.name, predicate(table, spec, check.column, check.choice)) })
  }
  for (const fk of table.foreignKeys) place(fk.onColumn && fk.columns.length === 1 ? fk.columns[0] : null, foreignKeyTag(fk, spec, named, list))
  for (const index of table.indexes) {
    const [key] = index.keys
    const column = index.onColumn && index.keys.length === 1 && key.expression === null && key.order.direction === null && key.order.nulls === null ? key.column : null
    place(column, {
      name: 'index',
      text: named(
        index.name,
        column === null && `(${index.keys.map((k) => indexKey(table, spec, k)).join(', ')})`,
        index.unique && 'unique',
        index.nullsNotDistinct && 'nullsNotDistinct',
        index.method !== 'btree' && `using ${index.method}`,
        index.include.length > 0 && `include ${list(index.include)}`,
        index.where !== null && `where ${predicate(table, spec, index.where.column, index.where.choice)}`,
      ),
    })
  }
  const members = table.columns.map((column) => columnMember(table, column, spec, before, columnTags.get(column.id)!, used))
  return {
    kind: 'interface',
    name: `Table${table.id}`,
    doc: { description: table.comment, tags: [...(before !== undefined && before.name !== table.name ? [{ name: 'renamedFrom', text: before.name }] : []), ...tableTags] },
    members,
  }
}

function foreignKeyTag(
  fk: ForeignKeySpec,
  spec: ModelSpec,
  named: (name: string | null, ...rest: readonly (string | null | false)[]) => string,
  list: (ids: readonly number[]) => string,
): DocTag {
  const target = spec.tables.find((t) => t.id === fk.target)!
  const referenced = referencedColumns(target, fk.columns.length)!.map((id) => quoteIdentifier(target.columns.find((c) => c.id === id)!.name))
  const options = [
    fk.onDelete !== 'no action' && `onDelete ${fk.onDelete}`,
    fk.onUpdate !== 'no action' && `onUpdate ${fk.onUpdate}`,
    fk.deferrable === 'immediate' && 'deferrable',
    fk.deferrable === 'deferred' && 'deferrable initially deferred',
  ]
  const targetName = quoteQualified(target)
  if (fk.onColumn && fk.columns.length === 1) return { name: 'references', text: named(fk.name, `${targetName}.${referenced[0]}`, ...options) }
  return { name: 'foreignKey', text: named(fk.name, list(fk.columns), 'references', targetName, `(${referenced.join(', ')})`, ...options) }
}

function columnMember(table: TableSpec, column: ColumnSpec, spec: ModelSpec, before: TableSpec | undefined, tags: readonly DocTag[], used: Set<string>): Member {
  const info = typeInfo(column.type, spec.enums)
  collectReferences(info.ts, used)
  const selectType = column.nullable ? union(info.ts, keyword('null')) : info.ts
  const value = column.value
  const wrapper = value === null ? null : value.kind === 'generated' || (value.kind === 'identity' && value.always) ? 'GeneratedAlways' : 'Generated'
  const inPrimaryKey = table.primaryKey?.columns.includes(column.id) ?? false
  const oldName = before?.columns.find((c) => c.id === column.id)?.name
  const valueTags: DocTag[] = []
  if (value?.kind === 'default') valueTags.push({ name: 'default', text: pick(info.defaults, value.choice)! })
  if (value?.kind === 'identity' && !(value.implied && inPrimaryKey)) valueTags.push({ name: 'identity', text: value.always ? 'always' : '' })
  if (value?.kind === 'generated') {
    const source = table.columns.find((c) => c.id === value.source)!
    valueTags.push({ name: 'generated', text: pick(generatedTemplates(column, source), value.choice)!.sql(quoteIdentifier(source.name)) })
  }
  return {
    name: column.name,
    doc: {
      description: column.comment,
      tags: [
        ...(info.dbType === null ? [] : [{ name: 'dbType', text: info.dbType }]),
        ...valueTags,
        ...(column.collateC ? [{ name: 'collate', text: '"C"' }] : []),
        ...(oldName !== undefined && oldName !== column.name ? [{ name: 'renamedFrom', text: oldName }] : []),
        ...tags,
      ],
    },
    type: wrapper === null ? selectType : reference(wrapper, selectType),
  }
}

function predicate(table: TableSpec, spec: ModelSpec, id: number, choice: number): string {
  const column = table.columns.find((c) => c.id === id)!
  return pick(typeInfo(column.type, spec.enums).predicates(quoteIdentifier(column.name)), choice) ?? `${quoteIdentifier(column.name)} IS NOT NULL`
}

function indexKey(table: TableSpec, spec: ModelSpec, key: IndexKeySpec): string {
  const column = table.columns.find((c) => c.id === key.column)!
  const quoted = quoteIdentifier(column.name)
  const body = key.expression === null ? quoted : pick(typeInfo(column.type, spec.enums).expressions(quoted), key.expression)!
  return [body, key.order.direction, key.order.nulls === null ? null : `nulls ${key.order.nulls}`].filter((part) => part !== null).join(' ')
}

function collectReferences(type: TypeExpression, into: Set<string>): void {
  if (type.kind === 'reference') into.add(type.name)
  else if (type.kind === 'array') collectReferences(type.element, into)
}

