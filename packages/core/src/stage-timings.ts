/**
 * The pipeline stages a command reports the time of with `--verbose`, so a user whose
 * `autogenerate` or `check` is slow can see which stage it is.
 */
export type Stage = 'read models' | 'read catalog' | 'canonicalise' | 'replay migrations' | 'diff' | 'plan' | 'emit'

/**
 * Told the wall-clock milliseconds of each stage as it ends. Stages may overlap: the catalog
 * read and the canonicalisation run at the same time, each on its own database.
 */
export type StageListener = (stage: Stage, milliseconds: number) => void

/** Runs one stage of work and tells `listener` how long it took (also when it throws). */
export async function timeStage<T>(listener: StageListener | undefined, stage: Stage, work: () => T | Promise<T>): Promise<T> {
  if (listener === undefined) return work()
  const started = performance.now()
  try {
    return await work()
  } finally {
    listener(stage, performance.now() - started)
  }
}
