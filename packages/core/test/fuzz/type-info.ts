import { quoteLiteral } from '../../src/schema/names.js'
import { type ColumnTypeInfo, COLUMN_TYPES } from './column-types.js'
import type { EnumSpec, TypeRef } from './model-spec.js'

/** What a column of this type allows; an enum's snippets use its values. */
export function typeInfo(type: TypeRef, enums: readonly EnumSpec[]): ColumnTypeInfo {
  if (type.kind === 'base') return COLUMN_TYPES[type.type]
  const spec = enums.find((e) => e.id === type.enum)
  // A reference to no enum (there was none to pick) is text, as `validModel` makes it.
  if (spec === undefined) return COLUMN_TYPES[type.array ? 'textArray' : 'text']
  const ts = { kind: 'reference', name: spec.alias, args: [] } as const
  const literals = spec.values.map((value) => quoteLiteral(value.label))
  if (type.array) {
    return {
      ts: { kind: 'array', element: ts }, dbType: null, family: 'enumArray', btree: true, methods: ['gin'], identity: false, collatable: false,
      defaults: [`'{}'`], predicates: (c) => [`cardinality(${c}) < 10`], expressions: () => [],
    }
  }
  return {
    ts, dbType: null, family: 'enum', btree: true, methods: ['hash'], identity: false, collatable: false,
    defaults: literals,
    predicates: (c) => [`${c} IS NOT NULL`, ...literals.map((literal) => `${c} <> ${literal}`)],
    expressions: (c) => literals.map((literal) => `(${c} = ${literal})`),
  }
}

export function sameType(a: TypeRef, b: TypeRef): boolean {
  return a.kind === 'base' ? b.kind === 'base' && a.type === b.type : b.kind === 'enum' && a.enum === b.enum && a.array === b.array
}

/** The `choice`-th of `items` (wrapping), or null when there are none. */
export function pick<T>(items: readonly T[], choice: number): T | null {
  return items.length === 0 ? null : items[choice % items.length]
}
