import type { Change } from '../../diff/change.js'
import { lowerChange } from '../operations/lower-change.js'
import { renderOperationSql } from './render-operation.js'

/** The PostgreSQL statements for one change, in order, without trailing semicolons. */
export function renderChangeSql(change: Change): readonly string[] {
  return lowerChange(change).map(renderOperationSql)
}
