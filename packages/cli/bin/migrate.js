#!/usr/bin/env node
import { preloadModelReader } from '../dist/preload-model-reader.js'

const argv = process.argv.slice(2)
// Before the rest of the CLI loads: see preloadModelReader.
preloadModelReader(argv)
const { main } = await import('../dist/main.js')
process.exitCode = await main(argv)
