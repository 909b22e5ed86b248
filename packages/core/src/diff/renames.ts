import { clipBytes, MAX_IDENTIFIER_BYTES, quoteQualified, sameName } from '../schema/names.js'
import type { Column, ForeignKey, Index, QualifiedName, Schema, Table } from '../schema/schema.js'
import type { Change, RenameConstraintChange, RenameIndexChange } from './change.js'
import { checkUses, generationUses, indexUses, keyUses } from './column-dependents.js'
import { renameEnumLiteralsIn } from './enum-literals.js'
import { sameDefinition } from './compare.js'
import { droppedElement } from './dropped-element.js'

/** `current` with the renames applied (what the database holds once they ran), and the renames. */
export interface Renamed {
  readonly current: Schema
  readonly changes: readonly Change[]
  /** The table as it was before its renames, by its new name: `${schema}.${name}`. */
  readonly before: ReadonlyMap<string, Table>
  /** By table (new name): names of constraints and indexes not renamed that a renamed one takes. */
  readonly heldNames: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * Renames that keep the data, found before the real diff so that it compares like with like:
 *
 * 1. `@renamedFrom` on a desired table or column, and `@renamedValue` on an enum, when the old
 *    name exists in `current` and the new one does not (otherwise the hint is stale, e.g. the
 *    rename already ran, and is ignored). The models may reuse the old name for a new table or
 *    column: it is added after the rename (`id` renamed to `provider_id`, a new uuid `id` added);
 * 2. then, table by table, a constraint or index that exists on both sides with the same
 *    definition under another name: PostgreSQL's default names (`users_pkey`, `notes_title_idx`)
 *    follow table and column names, and renaming keeps the index instead of rebuilding it.
 *
 * PostgreSQL keeps references by oid, so foreign keys, key columns and index columns follow a
 * rename; the renamed `current` says the same. Expression text (checks, expression keys,
 * predicates) is PostgreSQL's printing and is not rewritten here: one that names a renamed column
 * no longer matches and is dropped and re-created by the diff.
 */
export function applyRenames(current: Schema, desired: Schema): Renamed {
  const changes: Change[] = []
  const before = new Map<string, Table>()
  let tables = current.tables
  for (const table of desired.tables) {
    const old: QualifiedName = { schema: table.schema, name: table.renamedFrom ?? '' }
    if (table.renamedFrom === null || !isFreeRename(tables, old, table)) continue
    changes.push({ kind: 'renameTable', schema: table.schema, from: old.name, to: table.name })
    before.set(`${table.schema}.${table.name}`, tables.find((t) => sameName(t, old))!)
    tables = tables.map((t) => renameTableIn(t, old, table.name))
  }
  for (const table of desired.tables) {
    const currentTable = tables.find((t) => sameName(t, table))
    if (currentTable === undefined) continue
    for (const column of table.columns) {
      const old = column.renamedFrom
      if (old === null || !isFreeColumnRename(currentTable, old, column)) continue
      const name: QualifiedName = { schema: table.schema, name: table.name }
      const key = `${table.schema}.${table.name}`
      if (!before.has(key)) before.set(key, currentTable)
      changes.push({ kind: 'renameColumn', table: name, from: old, to: column.name })
      tables = tables.map((t) => renameColumnIn(t, name, old, column.name))
    }
  }
  const heldNames = new Map<string, ReadonlySet<string>>()
  tables = tables.map((t) => {
    const target = desired.tables.find((d) => sameName(d, t))
    if (target === undefined) return t
    const renamed = renameKeysAndIndexes(t, target)
    changes.push(...renamed.changes)
    heldNames.set(`${t.schema}.${t.name}`, heldBy(t, renamed.changes))
    return renamed.table
  })
  const enums = current.enums.map((type) => {
    const target = desired.enums.find((d) => sameName(d, type))
    if (target === undefined) return type
    let values = type.values
    for (const { from, to } of target.renamedValues) {
      if (!values.includes(from) || values.includes(to)) continue
      changes.push({ kind: 'renameEnumValue', enum: { schema: type.schema, name: type.name }, from, to })
      values = values.map((value) => (value === from ? to : value))
      tables = tables.map((t) => renameEnumLiteralsIn(t, quoteQualified(type), from, to))
    }
    return values === type.values ? type : { ...type, values }
  })
  return { current: { ...current, enums, tables }, changes, before, heldNames }
}

/** The old name is there and the new one is not. */
function isFreeRename(current: readonly Table[], old: QualifiedName, to: QualifiedName): boolean {
  return current.some((t) => sameName(t, old)) && !current.some((t) => sameName(t, to))
}

function isFreeColumnRename(current: Table, old: string, to: Column): boolean {
  const has = (name: string): boolean => current.columns.some((c) => c.name === name)
  return has(old) && !has(to.name)
}

function renameTableIn(table: Table, old: QualifiedName, to: string): Table {
  const renamed = sameName(table, old) ? { ...table, name: to } : table
  return {
    ...renamed,
    foreignKeys: renamed.foreignKeys.map((fk) => (sameName(fk.references, old) ? { ...fk, references: { schema: old.schema, name: to } } : fk)),
  }
}

function renameColumnIn(table: Table, owner: QualifiedName, old: string, to: string): Table {
  const rename = (names: readonly string[]): readonly string[] => names.map((name) => (name === old ? to : name))
  const referencing = (fk: ForeignKey): ForeignKey =>
    sameName(fk.references, owner) ? { ...fk, referencedColumns: rename(fk.referencedColumns) } : fk
  if (!sameName(table, owner)) return { ...table, foreignKeys: table.foreignKeys.map(referencing) }
  return {
    ...table,
    columns: table.columns.map((c) => (c.name === old ? { ...c, name: to } : c)),
    primaryKey: table.primaryKey && { ...table.primaryKey, columns: rename(table.primaryKey.columns) },
    uniques: table.uniques.map((u) => ({ ...u, columns: rename(u.columns) })),
    foreignKeys: table.foreignKeys.map((fk) => referencing({ ...fk, columns: rename(fk.columns) })),
    indexes: table.indexes.map((index): Index => ({
      ...index,
      keys: index.keys.map((key) => (key.kind === 'column' && key.column === old ? { ...key, column: to } : key)),
      include: rename(index.include),
    })),
  }
}

/** Pairs of constraints (or indexes) equal but for their names; each element pairs once. */
function renamePairs<T extends { readonly name: string }>(from: readonly T[], to: readonly T[]): readonly (readonly [T, T])[] {
  const unmatchedTo = to.filter((b) => !from.some((a) => a.name === b.name))
  const pairs: (readonly [T, T])[] = []
  for (const a of from.filter((item) => !to.some((b) => b.name === item.name))) {
    const b = unmatchedTo.find((candidate) => !pairs.some(([, taken]) => taken === candidate) && sameBody(a, candidate))
    if (b !== undefined) pairs.push([a, b])
  }
  return pairs
}

function sameBody(a: { readonly name: string }, b: { readonly name: string }): boolean {
  return sameDefinition({ ...a, name: '' }, { ...b, name: '' })
}

function renameKeysAndIndexes(table: Table, target: Table): { readonly table: Table; readonly changes: readonly NameRename[] } {
  const name: QualifiedName = { schema: table.schema, name: table.name }
  const changes: NameRename[] = []
  const follow = <T extends { readonly name: string }>(from: readonly T[], to: readonly T[], kind: 'renameConstraint' | 'renameIndex'): readonly T[] => {
    const pairs = renamePairs(from, to)
    changes.push(...pairs.map(([a, b]): NameRename => ({ kind, table: name, from: a.name, to: b.name })))
    return from.map((item) => {
      const pair = pairs.find(([a]) => a === item)
      return pair === undefined ? item : { ...item, name: pair[1].name }
    })
  }
  const primaryKey = follow(table.primaryKey === null ? [] : [table.primaryKey], target.primaryKey === null ? [] : [target.primaryKey], 'renameConstraint')
  return {
    table: {
      ...table,
      primaryKey: primaryKey[0] ?? null,
      uniques: follow(table.uniques, target.uniques, 'renameConstraint'),
      checks: follow(table.checks, target.checks, 'renameConstraint'),
      foreignKeys: follow(table.foreignKeys, target.foreignKeys, 'renameConstraint'),
      indexes: follow(table.indexes, target.indexes, 'renameIndex'),
    },
    changes: orderNameSwaps(changes),
  }
}

type NameRename = RenameConstraintChange | RenameIndexChange

/** Names of `table`'s constraints and indexes that `renames` give to another one, and not away. */
function heldBy(table: Table, renames: readonly NameRename[]): ReadonlySet<string> {
  const names = [
    ...(table.primaryKey === null ? [] : [table.primaryKey.name]),
    ...[...table.uniques, ...table.checks, ...table.foreignKeys, ...table.indexes].map((element) => element.name),
  ]
  return new Set(names.filter((name) => renames.some((r) => r.to === name) && !renames.some((r) => r.from === name)))
}

/** Suffix of the name a constraint or index holds for a moment while names go round a cycle. */
const SWAP_SUFFIX = '__swap'

/**
 * Renames of one table's constraints and indexes, in an order PostgreSQL accepts: a name is
 * taken only once the rename that frees it ran (`users_pkey` → `fk_main` after `fk_main` →
 * `users_id_check`); a cycle (two names swapped) goes through a passing name. Constraints and
 * indexes count as one namespace: a key's constraint and its index share the name.
 */
function orderNameSwaps(renames: readonly NameRename[]): readonly NameRename[] {
  const ordered: NameRename[] = []
  let pending = [...renames]
  while (pending.length > 0) {
    const free = pending.find((rename) => !pending.some((other) => other !== rename && other.from === rename.to))
    if (free !== undefined) {
      ordered.push(free)
      pending = pending.filter((rename) => rename !== free)
      continue
    }
    // Every pending name is wanted by another: park the first under a passing name.
    const [first, ...rest] = pending
    const parked = `${clipBytes(first.from, MAX_IDENTIFIER_BYTES - SWAP_SUFFIX.length)}${SWAP_SUFFIX}`
    ordered.push({ ...first, to: parked })
    pending = [{ ...first, from: parked }, ...rest]
  }
  return ordered
}

/**
 * A drop that must run before the renames, under the table's old name (so that `down` adds it
 * back after renaming back), or null: see `dropUsingOldColumns` and `dropFreeingName`.
 */
export function dropBeforeRenames(change: Change, renamed: Renamed): Change | null {
  return dropUsingOldColumns(change, renamed) ?? dropFreeingName(change, renamed)
}

/**
 * A constraint or index dropped whose name a renamed one of the same table takes (the primary
 * key renamed to the name of a check the models drop): PostgreSQL refuses the rename while the
 * name is held.
 */
function dropFreeingName(change: Change, renamed: Renamed): Change | null {
  const dropped = droppedElement(change)
  if (dropped === null || renamed.heldNames.get(`${dropped.table.schema}.${dropped.table.name}`)?.has(dropped.name) !== true) return null
  const original = renamed.before.get(`${dropped.table.schema}.${dropped.table.name}`)
  if (original === undefined) return change
  const table: QualifiedName = { schema: original.schema, name: original.name }
  const named = <T extends { readonly name: string }>(items: readonly T[], fallback: T): T => items.find((item) => item.name === dropped.name) ?? fallback
  switch (change.kind) {
    case 'dropPrimaryKey':
      return { ...change, table, primaryKey: original.primaryKey ?? change.primaryKey }
    case 'dropUnique':
      return { ...change, table, unique: named(original.uniques, change.unique) }
    case 'dropCheck':
      return { ...change, table, check: named(original.checks, change.check) }
    case 'dropForeignKey':
      return { ...change, table, foreignKey: named(original.foreignKeys, change.foreignKey) }
    case 'dropIndex':
      return { ...change, table, index: named(original.indexes, change.index) }
    default:
      return null
  }
}

/**
 * A check, an index or a generated column (dropped to be re-created) from a table with renamed
 * columns, whose SQL (PostgreSQL's printing of the database's state) still names a column by its
 * old name; and a unique key over such a generated column, which goes with it.
 */
function dropUsingOldColumns(change: Change, renamed: Renamed): Change | null {
  if (change.kind !== 'dropCheck' && change.kind !== 'dropIndex' && change.kind !== 'dropUnique' && change.kind !== 'dropColumn') return null
  const original = renamed.before.get(`${change.table.schema}.${change.table.name}`)
  if (original === undefined) return null
  const table: QualifiedName = { schema: original.schema, name: original.name }
  const now = renamed.current.tables.find((t) => sameName(t, change.table))
  const oldNames = new Set(original.columns.map((c) => c.name).filter((name) => !now?.columns.some((c) => c.name === name)))
  // A generated column dropped before the renames takes its checks and indexes along.
  const early = new Set([...oldNames, ...original.columns.filter((c) => generationUses(c, oldNames)).map((c) => c.name)])
  if (change.kind === 'dropCheck') {
    const check = original.checks.find((c) => c.name === change.check.name)
    return check !== undefined && checkUses(check, early) ? { kind: 'dropCheck', table, check } : null
  }
  if (change.kind === 'dropUnique') {
    const unique = original.uniques.find((u) => u.name === change.unique.name)
    return unique !== undefined && keyUses(unique, early) && !keyUses(unique, oldNames) ? { kind: 'dropUnique', table, unique } : null
  }
  if (change.kind === 'dropColumn') {
    const column = original.columns.find((c) => c.name === change.column.name)
    return column !== undefined && generationUses(column, oldNames) ? { kind: 'dropColumn', table, column } : null
  }
  const index = original.indexes.find((i) => i.name === change.index.name)
  return index !== undefined && indexUses(index, early) ? { kind: 'dropIndex', table, index } : null
}
