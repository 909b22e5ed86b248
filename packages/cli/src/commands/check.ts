import { checkProject, openDatabase } from '@kysely-autogen/core/runtime'
import type { CommandModule } from 'yargs'
import { printCheckReport, printGithubAnnotations } from '../check-report.js'
import { resolveDatabase } from '../config/resolve-database.js'
import { resolveProject } from '../config/project.js'
import { readProjectModels } from '../project-models.js'
import type { GlobalOptions } from '../options.js'
import { printVerbose, stageTimings } from '../output.js'
import { ReportedFailure } from '../report-error.js'

/** GitHub sets it in every Actions job. */
const GITHUB_ACTIONS = 'GITHUB_ACTIONS'

export const checkCommand: CommandModule<GlobalOptions, GlobalOptions> = {
  command: 'check',
  describe: 'CI drift check: models vs migrations, the migration history, and with a database its pending, edited and missing migrations and live drift',
  builder: (yargs) =>
    yargs
      .example('$0 check', 'models and migration history, no database needed (exit 1 when they disagree)')
      .example('$0 check --url "$DATABASE_URL" --format json', 'also that database, as one JSON document'),
  handler: async (args) => {
    const project = await resolveProject(args)
    const { target, source } = await resolveDatabase(args.url, project.root, process.env, project)
    // The embedded database is a developer's own: CI has none, so only a URL is checked.
    const database = target.kind === 'url' ? await openDatabase(target) : null
    try {
      if (database !== null) printVerbose(args, `database: ${database.label} (${source})`)
      const onStage = stageTimings(args)
      // On a worker thread, while this one loads and replays the migrations (see ModelReaderThread).
      const models = readProjectModels(project, onStage)
      const report = await checkProject({
        ...project.scope,
        modelsFile: project.modelsFile,
        rootInterface: project.rootInterface,
        migrationsDir: project.migrationsDir,
        migrationTable: project.migrationTable,
        models,
        database,
        onStage,
        cacheFile: project.cacheFile,
      })
      printCheckReport(report, args.format)
      if (process.env[GITHUB_ACTIONS] === 'true') printGithubAnnotations(report.findings)
      if (report.findings.length > 0) throw new ReportedFailure('migrate check found differences')
    } finally {
      await database?.close()
    }
  },
}
