import { type FileHandle, mkdir, open, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { UserError } from '../errors.js'

/** A tar file is 512-byte records: each entry a header record, then its data padded to whole records. */
const RECORD = 512
/** File data is copied through a buffer of this size: no file of the archive is ever whole in memory. */
const CHUNK = 1 << 20
/** Header fields: [offset, length]. Numbers are octal text. */
const NAME: readonly [number, number] = [0, 100]
const SIZE: readonly [number, number] = [124, 12]
const TYPE_OFFSET = 156
const PREFIX: readonly [number, number] = [345, 155]
/** Type flags: a regular file (old archives write NUL), a folder. */
const FILE_TYPES: ReadonlySet<string> = new Set(['0', '\0'])
const FOLDER_TYPE = '5'
/**
 * A data directory holding PG_VERSION counts as a cluster (see isInitialised in embedded.ts), so
 * it is written last: an unpack cut short leaves a folder that is no cluster yet.
 */
const CLUSTER_MARKER = 'PG_VERSION'

/**
 * Unpacks a tar file of regular files and folders (a PGlite data directory dump) into `into`,
 * one chunk at a time. False when `file` does not exist.
 */
export async function unpackTar(file: string, into: string): Promise<boolean> {
  let tar: FileHandle
  try {
    tar = await open(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  try {
    await unpackEntries(tar, file, into)
    return true
  } finally {
    await tar.close()
  }
}

async function unpackEntries(tar: FileHandle, file: string, into: string): Promise<void> {
  const header = Buffer.alloc(RECORD)
  const chunk = Buffer.alloc(CHUNK)
  let marker: { readonly path: string; readonly data: Buffer } | null = null
  let position = 0
  for (;;) {
    if ((await tar.read(header, 0, RECORD, position)).bytesRead < RECORD) throw damaged(file, `it ends at byte ${position}, inside a header`)
    position += RECORD
    // The archive ends with zero records.
    if (header.every((byte) => byte === 0)) break
    const name = entryName(header)
    const size = Number.parseInt(text(header, SIZE), 8)
    const type = String.fromCharCode(header[TYPE_OFFSET])
    const path = resolve(into, name.replace(/^\/+/, ''))
    const inside = relative(into, path)
    if (Number.isNaN(size) || inside === '' || inside.startsWith('..')) throw damaged(file, `its entry "${name}" is not a path inside the archive`)
    if (type === FOLDER_TYPE) await mkdir(path, { recursive: true })
    else if (!FILE_TYPES.has(type)) throw damaged(file, `its entry "${name}" is neither a file nor a folder`)
    else if (inside === CLUSTER_MARKER) marker = { path, data: await readData(tar, position, size, file) }
    else await copyData(tar, position, size, path, chunk, file)
    position += Math.ceil(size / RECORD) * RECORD
  }
  if (marker !== null) await writeFile(marker.path, marker.data)
}

function entryName(header: Buffer): string {
  const prefix = text(header, PREFIX)
  const name = text(header, NAME)
  return prefix === '' ? name : `${prefix}/${name}`
}

/** A NUL-terminated text field. */
function text(header: Buffer, [offset, length]: readonly [number, number]): string {
  const field = header.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return field.toString('utf8', 0, end === -1 ? length : end).trim()
}

async function copyData(tar: FileHandle, position: number, size: number, path: string, chunk: Buffer, file: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const out = await open(path, 'w')
  try {
    for (let done = 0; done < size; ) {
      const { bytesRead } = await tar.read(chunk, 0, Math.min(CHUNK, size - done), position + done)
      if (bytesRead === 0) throw damaged(file, `it ends inside ${path}`)
      await out.write(chunk, 0, bytesRead)
      done += bytesRead
    }
  } finally {
    await out.close()
  }
}

async function readData(tar: FileHandle, position: number, size: number, file: string): Promise<Buffer> {
  const data = Buffer.alloc(size)
  if ((await tar.read(data, 0, size, position)).bytesRead < size) throw damaged(file, 'it ends inside PG_VERSION')
  return data
}

function damaged(file: string, reason: string): UserError {
  return new UserError(`the embedded database snapshot ${file} is damaged (${reason}): delete it, the next start makes a new one`)
}
