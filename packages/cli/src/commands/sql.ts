import { BASE, HEAD, type MigrationSql, migrationSql } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import { resolveProject } from '../config/project.js'
import type { GlobalOptions } from '../options.js'
import { print, printJson } from '../output.js'

type SqlArgs = GlobalOptions & { readonly from: string | undefined; readonly to: string | undefined }

const OUTSIDE_TRANSACTION = '-- runs outside a transaction'
const NO_STATEMENTS = '-- (no statements)'
const NO_MIGRATIONS = '-- no migrations in that range'

export const sqlCommand: CommandModule<GlobalOptions, SqlArgs> = {
  command: 'sql',
  describe: 'print the SQL of the migrations without a database, for review or a DBA (reads return no rows)',
  builder: (yargs) =>
    yargs
      .option('from', { type: 'string', describe: `the database is at this migration: start after it (default: ${BASE})` })
      .option('to', { type: 'string', describe: `the last migration to print (default: ${HEAD})` })
      .example('$0 sql', 'the SQL of every migration, in order')
      .example('$0 sql --from 20261122103000_add_email > deploy.sql', 'what a database at that migration still has to run'),
  handler: async (args) => {
    const project = await resolveProject(args)
    const migrations = await migrationSql({ migrationsDir: project.migrationsDir, from: args.from, to: args.to })
    if (args.format === 'json') return printJson({ migrations })
    print(migrations.length === 0 ? NO_MIGRATIONS : migrations.map(formatMigration).join('\n\n'))
  },
}

/** `-- <name>`, then each statement ending in `;`: ready for psql. */
function formatMigration(migration: MigrationSql): string {
  const statements = migration.statements.map((statement) => (statement.trimEnd().endsWith(';') ? statement.trimEnd() : `${statement};`))
  const notes = migration.transactional ? [] : [OUTSIDE_TRANSACTION]
  return [`-- ${migration.name}`, ...notes, ...(statements.length === 0 ? [NO_STATEMENTS] : statements)].join('\n')
}
