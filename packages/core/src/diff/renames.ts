import { clipBytes, MAX_IDENTIFIER_BYTES, qualifiedKey, quoteQualified, sameName } from '../schema/names.js'
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
    before.set(qualifiedKey(table), tables.find((t) => sameName(t, old))!)
    tables = tables.map((t) => renameTableIn(t, old, table.name))
  }
  // Column renames keep table names and positions: look tables up once by name (a scan per
  // table is quadratic), then read the position from `tables` as renames replace them.
  const positions = new Map(tables.map((t, i) => [qualifiedKey(t), i]))
  for (const table of desired.tables) {
    const position = positions.get(qualifiedKey(table))
    if (position === undefined) continue
    const currentTable = tables[position]
    for (const column of table.columns) {
      const old = column.renamedFrom
      if (old === null || !isFreeColumnRename(currentTable, old, column)) continue
      const name: QualifiedName = { schema: table.schema, name: table.name }
      const key = qualifiedKey(table)
      if (!before.has(key)) before.set(key, currentTable)
      changes.push({ kind: 'renameColumn', table: name, from: old, to: column.name })
      tables = tables.map((t) => renameColumnIn(t, name, old, column.name))
    }
  }
  const desiredTables = new Map(desired.tables.map((t) => [qualifiedKey(t), t]))
  const followed = tables.map((t) => {
    const target = desiredTables.get(qualifiedKey(t))
    return target === undefined ? { table: t, renames: [] } : renameKeysAndIndexes(t, target)
  })
  const nameRenames = followed.flatMap((f) => f.renames)
  changes.push(...orderNameSwaps(nameRenames))
  const heldNames = new Map(tables.map((t) => [qualifiedKey(t), heldBy(t, nameRenames)]))
  tables = followed.map((f) => f.table)
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

function renameKeysAndIndexes(table: Table, target: Table): { readonly table: Table; readonly renames: readonly NameRename[] } {
  const name: QualifiedName = { schema: table.schema, name: table.name }
  const renames: NameRename[] = []
  const follow = <T extends { readonly name: string }>(from: readonly T[], to: readonly T[], kind: NameRenameChange['kind'], relation: boolean): readonly T[] => {
    const pairs = renamePairs(from, to)
    renames.push(...pairs.map(([a, b]): NameRename => ({ change: { kind, table: name, from: a.name, to: b.name }, relation })))
    return from.map((item) => {
      const pair = pairs.find(([a]) => a === item)
      return pair === undefined ? item : { ...item, name: pair[1].name }
    })
  }
  const primaryKey = follow(table.primaryKey === null ? [] : [table.primaryKey], target.primaryKey === null ? [] : [target.primaryKey], 'renameConstraint', true)
  return {
    table: {
      ...table,
      primaryKey: primaryKey[0] ?? null,
      uniques: follow(table.uniques, target.uniques, 'renameConstraint', true),
      checks: follow(table.checks, target.checks, 'renameConstraint', false),
      foreignKeys: follow(table.foreignKeys, target.foreignKeys, 'renameConstraint', false),
      indexes: follow(table.indexes, target.indexes, 'renameIndex', true),
    },
    renames,
  }
}

type NameRenameChange = RenameConstraintChange | RenameIndexChange

/**
 * Where the name of a table's constraint or index must be unique: among the table's constraints
 * (and indexes: counted as one namespace, since a key's constraint and its index share the name);
 * and when it is a relation's (an index, or the index behind a primary key or unique), among the
 * schema's relations as well, whatever their table.
 */
interface NameScope {
  readonly table: QualifiedName
  readonly relation: boolean
}

/** A rename of a constraint or index, `relation` as in its `NameScope`. */
interface NameRename {
  readonly change: NameRenameChange
  readonly relation: boolean
}

/** Whether two names in these scopes must differ. */
function sameNamespace(a: NameScope, b: NameScope): boolean {
  return sameName(a.table, b.table) || (a.relation && b.relation && a.table.schema === b.table.schema)
}

function scopeOf({ change, relation }: NameRename): NameScope {
  return { table: change.table, relation }
}

/** Names of `table`'s constraints and indexes that `renames` (of any table) give to another one, and not away. */
function heldBy(table: Table, renames: readonly NameRename[]): ReadonlySet<string> {
  const owner: QualifiedName = { schema: table.schema, name: table.name }
  const named = (name: string, relation: boolean) => ({ name, scope: { table: owner, relation } })
  const elements = [
    ...(table.primaryKey === null ? [] : [named(table.primaryKey.name, true)]),
    ...table.uniques.map((unique) => named(unique.name, true)),
    ...[...table.checks, ...table.foreignKeys].map((constraint) => named(constraint.name, false)),
    ...table.indexes.map((index) => named(index.name, true)),
  ]
  const held = elements.filter(
    ({ name, scope }) =>
      renames.some((r) => r.change.to === name && sameNamespace(scopeOf(r), scope)) &&
      !renames.some((r) => r.change.from === name && sameName(r.change.table, owner)),
  )
  return new Set(held.map(({ name }) => name))
}

/** Suffix of the name a constraint or index holds for a moment while names go round a cycle. */
const SWAP_SUFFIX = '__swap'

/**
 * Renames of constraints and indexes, in an order PostgreSQL accepts: a name is taken only once
 * the rename that frees it in the same namespace ran (`users_pkey` → `fk_main` after `fk_main` →
 * `users_id_check`, or after another table's key `fk_main` was renamed); a cycle (two names
 * swapped) goes through a passing name.
 */
function orderNameSwaps(renames: readonly NameRename[]): readonly NameRenameChange[] {
  const ordered: NameRenameChange[] = []
  let pending = [...renames]
  const waits = (rename: NameRename): boolean =>
    pending.some((other) => other !== rename && other.change.from === rename.change.to && sameNamespace(scopeOf(other), scopeOf(rename)))
  while (pending.length > 0) {
    const free = pending.find((rename) => !waits(rename))
    if (free !== undefined) {
      ordered.push(free.change)
      pending = pending.filter((rename) => rename !== free)
      continue
    }
    // Every pending name is wanted by another: park the first under a passing name.
    const [first, ...rest] = pending
    const parked = `${clipBytes(first.change.from, MAX_IDENTIFIER_BYTES - SWAP_SUFFIX.length)}${SWAP_SUFFIX}`
    ordered.push({ ...first.change, to: parked })
    pending = [{ ...first, change: { ...first.change, from: parked } }, ...rest]
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
 * A constraint or index dropped whose name a renamed one takes (the primary key renamed to the
 * name of a check the models drop, or to the name of another table's index): PostgreSQL refuses
 * the rename while the name is held.
 */
function dropFreeingName(change: Change, renamed: Renamed): Change | null {
  const dropped = droppedElement(change)
  if (dropped === null || renamed.heldNames.get(qualifiedKey(dropped.table))?.has(dropped.name) !== true) return null
  const original = renamed.before.get(qualifiedKey(dropped.table))
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
 * A table the migration drops, whose primary key, uniques or indexes have names a renamed key or
 * index of another table takes (see `dropFreeingName`): those are dropped before the renames
 * (`early`), and the table after them without them, so that `down` creates the table, renames
 * back, then adds them.
 */
export function detachHeldNames(table: Table, renamed: Renamed): { readonly table: Table; readonly early: readonly Change[] } {
  const held = renamed.heldNames.get(`${table.schema}.${table.name}`)
  if (held === undefined || held.size === 0) return { table, early: [] }
  const name: QualifiedName = { schema: table.schema, name: table.name }
  const primaryKey = table.primaryKey !== null && held.has(table.primaryKey.name) ? table.primaryKey : null
  const isHeld = (element: { readonly name: string }): boolean => held.has(element.name)
  return {
    table: {
      ...table,
      primaryKey: primaryKey === null ? table.primaryKey : null,
      uniques: table.uniques.filter((unique) => !isHeld(unique)),
      indexes: table.indexes.filter((index) => !isHeld(index)),
    },
    early: [
      ...table.indexes.filter(isHeld).map((index): Change => ({ kind: 'dropIndex', table: name, index })),
      ...table.uniques.filter(isHeld).map((unique): Change => ({ kind: 'dropUnique', table: name, unique })),
      ...(primaryKey === null ? [] : [{ kind: 'dropPrimaryKey', table: name, primaryKey } as const]),
    ],
  }
}

/**
 * A check, an index or a generated column (dropped to be re-created) from a table with renamed
 * columns, whose SQL (PostgreSQL's printing of the database's state) still names a column by its
 * old name; and a unique key over such a generated column, which goes with it.
 */
function dropUsingOldColumns(change: Change, renamed: Renamed): Change | null {
  if (change.kind !== 'dropCheck' && change.kind !== 'dropIndex' && change.kind !== 'dropUnique' && change.kind !== 'dropColumn') return null
  const original = renamed.before.get(qualifiedKey(change.table))
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
