import type { Argv } from 'yargs'

export const DEFAULT_MODELS_FILE = 'models/index.ts'
/** The interface in the models file whose keys are the tables (DESIGN.md, "The model language"). */
export const DEFAULT_ROOT_INTERFACE = 'DB'
export const DEFAULT_MIGRATIONS_DIR = 'migrations'
export const OUTPUT_FORMATS = ['text', 'json'] as const

export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** The arguments every command accepts (the contract in DESIGN.md, "Command line contract"). */
export interface GlobalOptions {
  readonly url: string | undefined
  /** Unset when not given, so that the configuration file's key applies. */
  readonly models: string | undefined
  readonly migrations: string | undefined
  readonly config: string | undefined
  readonly format: OutputFormat
  readonly verbose: boolean
}

export function withGlobalOptions(yargs: Argv): Argv<GlobalOptions> {
  return yargs
    .option('url', { type: 'string', describe: "PostgreSQL URL (default: the configuration's url, DATABASE_URL, .env.local, .env, else the embedded database)" })
    .option('models', { type: 'string', describe: `file holding the root DB interface (default: ${DEFAULT_MODELS_FILE})` })
    .option('migrations', { type: 'string', describe: `folder of migration files (default: ${DEFAULT_MIGRATIONS_DIR})` })
    .option('config', { type: 'string', describe: 'configuration file (default: migrate.config.ts when present)' })
    .option('format', { choices: OUTPUT_FORMATS, default: 'text' as OutputFormat, describe: 'output format' })
    .option('verbose', { type: 'boolean', default: false, describe: 'say more; stack traces on errors' })
    .group(['url', 'models', 'migrations', 'config', 'format', 'verbose'], 'Global options:')
}
