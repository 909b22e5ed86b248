import { Worker } from 'node:worker_threads'
import { ModelError, UserError } from '../errors.js'
import type { Schema } from '../schema/schema.js'
import type { ReadModelsOptions } from './read-models.js'

/** Next to this file, in the compiled package (dist/models/). */
const WORKER_FILE = new URL('./read-models-worker.js', import.meta.url)

/**
 * readModels() on a worker thread, so that loading the TypeScript compiler (~0.4 s) and reading
 * the models (~0.5 s at 1,000 tables) overlap with this thread's work: loading the CLI, opening
 * and reading the database. The thread starts loading the compiler at once, and reads when
 * asked, once. The Schema is plain data and comes back by structured clone (~60 ms at 1,000
 * tables, a tenth of reading them).
 *
 * `readAhead` is the request the thread will most likely get (the CLI guesses it from the
 * command line before it has read its configuration): the thread reads it as soon as the
 * compiler is loaded, and answers the same request with that reading. Any other request is
 * read when it comes, so a wrong guess costs time, never a wrong answer.
 */
export class ModelReaderThread {
  readonly #worker: Worker
  readonly #reply: Promise<ModelsReply>
  #asked = false

  constructor(readAhead?: ModelsRequest) {
    this.#worker = new Worker(WORKER_FILE, { workerData: readAhead ?? null })
    this.#reply = new Promise((resolve, reject) => {
      this.#worker.once('message', resolve)
      // Only when the thread itself could not start or crashed: a model error is a reply.
      this.#worker.once('error', reject)
      this.#worker.once('exit', (code) => reject(new Error(`the model reader thread exited with code ${code} before it replied`)))
    })
    // Until asked, the thread must neither keep the process alive nor crash it with a rejection
    // nobody awaits (a command may end without reading models).
    this.#worker.unref()
    this.#reply.catch(() => undefined)
  }

  read(entryFile: string, options: ReadModelsOptions = {}): Promise<Schema> {
    if (this.#asked) throw new Error('a model reader thread reads once')
    this.#asked = true
    this.#worker.ref()
    this.#worker.postMessage({ entryFile, options } satisfies ModelsRequest)
    return this.#reply.then((reply) => (reply.kind === 'schema' ? reply.schema : Promise.reject(errorFrom(reply.error))))
  }
}

export interface ModelsRequest {
  readonly entryFile: string
  readonly options: ReadModelsOptions
}

/** Whether two requests ask for the same reading (options compared as the plain data they are). */
export function sameRequest(a: ModelsRequest, b: ModelsRequest): boolean {
  return a.entryFile === b.entryFile && JSON.stringify(a.options) === JSON.stringify(b.options)
}

export type ModelsReply = { readonly kind: 'schema'; readonly schema: Schema } | { readonly kind: 'error'; readonly error: ThreadError }

/**
 * An error as it crosses the thread boundary: structured clone keeps an Error's message and
 * stack but not its class, and the CLI tells a user's mistake (exit 2, file:line) by its class.
 */
export interface ThreadError {
  readonly kind: 'model' | 'user' | 'other'
  readonly message: string
  readonly stack: string | undefined
  /** A ModelError's file and line. */
  readonly at?: { readonly file: string; readonly line: number }
}

export function threadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { kind: 'other', message: String(error), stack: undefined }
  const { message, stack } = error
  if (error instanceof ModelError) return { kind: 'model', message, stack, at: { file: error.file, line: error.line } }
  return { kind: error instanceof UserError ? 'user' : 'other', message, stack }
}

function errorFrom(thrown: ThreadError): Error {
  const error =
    thrown.kind === 'model' && thrown.at !== undefined
      ? new ModelError(thrown.at.file, thrown.at.line, thrown.message.slice(`${thrown.at.file}:${thrown.at.line}: `.length))
      : thrown.kind === 'user'
        ? new UserError(thrown.message)
        : new Error(thrown.message)
  // The thread's stack says where it went wrong (printed with --verbose).
  error.stack = thrown.stack
  return error
}
