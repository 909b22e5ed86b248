/**
 * Scratch databases kept for reuse within the process: creating one costs far more than emptying
 * one (a PGlite start ~0.7 s even from a snapshot; `CREATE DATABASE` on a server 0.15-0.4 s, an
 * fsync'd copy of template0), and canonicalising runs once per autogenerate, per `check` replay
 * and per test case. A released item waits `idleMs` for its next use, then is disposed of: an
 * open PGlite or connection pool keeps the process alive, so a command must not end with one
 * idle. Items are keyed by what makes them interchangeable; concurrent takers get different ones.
 */
export class IdlePool<T> {
  private readonly idle = new Map<string, T[]>()

  constructor(
    private readonly idleMs: number,
    private readonly dispose: (item: T) => Promise<void>,
  ) {}

  take(key: string): T | undefined {
    return this.idle.get(key)?.pop()
  }

  keep(key: string, item: T): void {
    this.idle.set(key, [...(this.idle.get(key) ?? []), item])
    setTimeout(() => {
      const waiting = this.idle.get(key) ?? []
      // Taken again meanwhile: its next release starts a new wait.
      if (!waiting.includes(item)) return
      this.idle.set(key, waiting.filter((other) => other !== item))
      // Nobody waits for it: a scratch that cannot be dropped now is left behind, not an error.
      void this.dispose(item).catch(() => {})
    }, this.idleMs)
  }
}
