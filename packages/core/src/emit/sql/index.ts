export { renderChangeSql } from './render-change-sql.js'
export { renderOperationSql } from './render-operation.js'
