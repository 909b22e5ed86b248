import type { Argv } from 'yargs'

export const DEFAULT_MODELS_FILE = 'models/index.ts'
export const DEFAULT_MIGRATIONS_DIR = 'migrations'
export const OUTPUT_FORMATS = ['text', 'json'] as const

export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** The arguments every command accepts (the contract in DESIGN.md, "Command line contract"). */
export interface GlobalOptions {
  readonly url: string | undefined
  readonly models: string
  readonly migrations: string
  readonly config: string | undefined
  readonly format: OutputFormat
  readonly verbose: boolean
}

export function withGlobalOptions(yargs: Argv): Argv<GlobalOptions> {
  return yargs
    .option('url', { type: 'string', describe: 'PostgreSQL URL (default: DATABASE_URL, .env.local, .env, else the embedded database)' })
    .option('models', { type: 'string', default: DEFAULT_MODELS_FILE, describe: 'file holding the root DB interface' })
    .option('migrations', { type: 'string', default: DEFAULT_MIGRATIONS_DIR, describe: 'folder of migration files' })
    .option('config', { type: 'string', describe: 'configuration file' })
    .option('format', { choices: OUTPUT_FORMATS, default: 'text' as OutputFormat, describe: 'output format' })
    .option('verbose', { type: 'boolean', default: false, describe: 'say more; stack traces on errors' })
    .group(['url', 'models', 'migrations', 'config', 'format', 'verbose'], 'Global options:')
}
