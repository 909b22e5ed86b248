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
  /** The pending disposal of each waiting item. */
  private readonly timers = new Map<T, NodeJS.Timeout>()

  constructor(
    private readonly idleMs: number,
    private readonly dispose: (item: T) => Promise<void>,
  ) {}

  take(key: string): T | undefined {
    const item = this.idle.get(key)?.pop()
    if (item !== undefined) {
      clearTimeout(this.timers.get(item))
      this.timers.delete(item)
    }
    return item
  }

  keep(key: string, item: T): void {
    this.idle.set(key, [...(this.idle.get(key) ?? []), item])
    this.timers.set(
      item,
      setTimeout(() => {
        this.timers.delete(item)
        this.idle.set(key, (this.idle.get(key) ?? []).filter((other) => other !== item))
        // Nobody waits for it: a scratch that cannot be dropped now is left behind, not an error.
        void this.dispose(item).catch(() => {})
      }, this.idleMs),
    )
  }

  /** Disposes of every waiting item now: a command that is done need not wait out `idleMs`. */
  async drain(): Promise<void> {
    const waiting = [...this.idle.values()].flat()
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.idle.clear()
    await Promise.all(waiting.map((item) => this.dispose(item).catch(() => {})))
  }
}
