import { styleText } from 'node:util'
import type { StageListener } from '@kysely-autogen/core/runtime'
import type { GlobalOptions } from './options.js'

/** Node's own ANSI styling (no dependency). */
export type Style = Parameters<typeof styleText>[0]

const COLUMN_GAP = '  '

export function print(line = ''): void {
  process.stdout.write(`${line}\n`)
}

/** `text` styled when `stream` is a terminal and NO_COLOR is unset or empty (https://no-color.org). */
export function paint(style: Style, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  // Our own check, the same on every Node: newer ones would otherwise look at stdout even for stderr.
  return stream.isTTY && !process.env.NO_COLOR ? styleText(style, text, { validateStream: false }) : text
}

/** `--format json`: one JSON document on stdout. */
export function printJson(value: unknown): void {
  print(JSON.stringify(value, null, 2))
}

/** Diagnostics for --verbose go to stderr, so stdout stays parseable. */
export function printVerbose(options: Pick<GlobalOptions, 'verbose'>, line: string): void {
  if (options.verbose) process.stderr.write(`${line}\n`)
}

/** With --verbose, each pipeline stage's time on stderr (`time: read catalog 342 ms`). */
export function stageTimings(options: Pick<GlobalOptions, 'verbose'>): StageListener | undefined {
  if (!options.verbose) return undefined
  return (stage, milliseconds) => printVerbose(options, `time: ${stage} ${Math.round(milliseconds)} ms`)
}

/** Rows padded into aligned columns, without trailing blanks. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)))
  for (const row of [header, ...rows]) {
    print(row.map((cell, column) => cell.padEnd(widths[column])).join(COLUMN_GAP).trimEnd())
  }
}

/** `2026-11-22 10:30:00 UTC`: the same on every machine, sortable. */
export function formatTime(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
