/**
 * The worker thread of ModelReaderThread: importing read-models.js loads the TypeScript compiler
 * at once; then it reads the models it was told to read ahead, if any, and waits for the one
 * request it gets, which it answers with the Schema or the error (the reading ahead's, when it is
 * the same request). Then it keeps the compiler's code cache for the next start, while the other
 * thread goes on with the Schema; nothing is left on its event loop, and the thread ends.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type ModelsReply, type ModelsRequest, sameRequest, threadError } from './read-models-on-thread.js'
import { readModels } from './read-models.js'
import { saveCompilerCodeCache } from './typescript.js'

const readAhead = workerData as ModelsRequest | null
const early = readAhead === null ? null : { request: readAhead, reply: read(readAhead) }

parentPort!.once('message', (request: ModelsRequest) => {
  parentPort!.postMessage(early !== null && sameRequest(request, early.request) ? early.reply : read(request))
  saveCompilerCodeCache()
})

function read({ entryFile, options }: ModelsRequest): ModelsReply {
  try {
    return { kind: 'schema', schema: readModels(entryFile, options) }
  } catch (error) {
    return { kind: 'error', error: threadError(error) }
  }
}
