/**
 * The worker thread of ModelReaderThread: importing read-models.js loads the TypeScript compiler
 * at once; then it reads the models of the one request it gets and replies with the Schema or
 * the error. After that nothing is left on its event loop, and the thread ends.
 */
import { parentPort } from 'node:worker_threads'
import { type ModelsReply, type ModelsRequest, threadError } from './read-models-on-thread.js'
import { readModels } from './read-models.js'

parentPort!.once('message', ({ entryFile, options }: ModelsRequest) => {
  let reply: ModelsReply
  try {
    reply = { kind: 'schema', schema: readModels(entryFile, options) }
  } catch (error) {
    reply = { kind: 'error', error: threadError(error) }
  }
  parentPort!.postMessage(reply)
})
