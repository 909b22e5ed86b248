import { closeIdleScratchDatabases, UserError } from '@kysely-autogen/core/runtime'
import yargs from 'yargs'
import { autogenerateCommand } from './commands/autogenerate.js'
import { checkCommand } from './commands/check.js'
import { currentCommand } from './commands/current.js'
import { downCommand } from './commands/down.js'
import { historyCommand } from './commands/history.js'
import { latestCommand } from './commands/latest.js'
import { pullCommand } from './commands/pull.js'
import { revisionCommand } from './commands/revision.js'
import { sqlCommand } from './commands/sql.js'
import { stampCommand } from './commands/stamp.js'
import { statusCommand } from './commands/status.js'
import { toCommand } from './commands/to.js'
import { upCommand } from './commands/up.js'
import { withGlobalOptions } from './options.js'
import { EXIT_OK, reportError } from './report-error.js'

const SCRIPT_NAME = 'migrate'
const VERBOSE_FLAG = '--verbose'

/** Runs one command line (without `node` and the script) and returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await withGlobalOptions(yargs([...argv]))
      .scriptName(SCRIPT_NAME)
      .usage('$0 <command> [options]')
      .command(autogenerateCommand)
      .command(revisionCommand)
      .command(latestCommand)
      .command(upCommand)
      .command(downCommand)
      .command(toCommand)
      .command(currentCommand)
      .command(historyCommand)
      .command(statusCommand)
      .command(checkCommand)
      .command(stampCommand)
      .command(sqlCommand)
      .command(pullCommand)
      .example('$0 autogenerate -m "add email to users"', 'write a migration for what the models changed')
      .example('$0 latest', 'apply the pending migrations (DATABASE_URL, else the embedded database)')
      .example('$0 status', 'what is applied and what is pending')
      .example('$0 sql > review.sql', 'the SQL of every migration, without a database')
      .epilogue('Configuration: migrate.config.ts (see defineConfig); flags override it. Exit codes: 0 ok, 1 failed or drift found, 2 bad input, configuration or connection.')
      .demandCommand(1, 'name a command (see --help)')
      .strict()
      .version(false)
      .help()
      .exitProcess(false)
      // yargs gives a message for usage mistakes (unknown flag, bad value: exit 2) and only the
      // error for what a command handler threw.
      .fail((message, error) => {
        throw message ? new UserError(message) : error
      })
      .parseAsync()
    return EXIT_OK
  } catch (error) {
    // Parsing may have failed before --verbose was read: look at the raw arguments.
    return reportError(error, argv.includes(VERBOSE_FLAG))
  } finally {
    // Scratch databases wait a moment for reuse within a process; a command is done with them.
    await closeIdleScratchDatabases()
  }
}
