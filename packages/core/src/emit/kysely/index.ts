export { type MigrationInput, emitChangeCode, emitMigration } from './emit-migration.js'
