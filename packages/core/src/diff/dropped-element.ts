import type { QualifiedName } from '../schema/schema.js'
import type { Change } from './change.js'

/** The table and name of a dropped constraint or index; null for other changes. */
export function droppedElement(change: Change): { readonly table: QualifiedName; readonly name: string } | null {
  switch (change.kind) {
    case 'dropPrimaryKey':
      return { table: change.table, name: change.primaryKey.name }
    case 'dropUnique':
      return { table: change.table, name: change.unique.name }
    case 'dropCheck':
      return { table: change.table, name: change.check.name }
    case 'dropForeignKey':
      return { table: change.table, name: change.foreignKey.name }
    case 'dropIndex':
      return { table: change.table, name: change.index.name }
    default:
      return null
  }
}
