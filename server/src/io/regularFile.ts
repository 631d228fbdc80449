// Reading workspace files that anyone may have put there: only regular files, only inside their
// folder, only up to a size. A FIFO would block the reading thread forever, a device such as
// /dev/zero never ends, and a symlink can lead anywhere; each is refused with one line naming it.

import { Stats, closeSync, constants, fstatSync, mkdirSync, openSync, readSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { UnreadableFileError } from './readText';

export interface RegularFileLimits {
  /** The folder the file must stay in once symlinks are followed; null to allow anywhere. */
  readonly root: string | null;
  /** Files over this many bytes are refused. */
  readonly maxBytes: number;
  /** Read only this many bytes from the start (the size limit then does not apply). */
  readonly headBytes?: number;
}

// Non-blocking, so that opening a FIFO without a writer returns at once instead of waiting for one.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function failure(path: string, error: unknown): UnreadableFileError {
  if (error instanceof UnreadableFileError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new UnreadableFileError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`, code);
}

/** Where a path leads once every symlink is followed; refused when that is outside `root`. */
function checkedRealPath(path: string, root: string): void {
  const real = realpathSync(path);
  if (!inside(realpathSync(root), real)) throw new UnreadableFileError(`${path} leads out of its folder (to ${real}); not read`);
}

function readOpen(fd: number, path: string, limits: RegularFileLimits): Buffer {
  const stats = fstatSync(fd);
  if (!stats.isFile()) throw new UnreadableFileError(`${path} is ${kindOf(stats)}, not a regular file; not read`);
  const wanted = limits.headBytes === undefined ? stats.size : Math.min(stats.size, limits.headBytes);
  if (limits.headBytes === undefined && stats.size > limits.maxBytes) {
    throw new UnreadableFileError(`${path} is too large (${stats.size} bytes, over the limit of ${limits.maxBytes}); not read`);
  }
  // Reads what fstat counted and no more: a file that grows meanwhile cannot make this read run on.
  const buffer = Buffer.alloc(wanted);
  let filled = 0;
  while (filled < wanted) {
    const read = readSync(fd, buffer, filled, wanted - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled === wanted ? buffer : buffer.subarray(0, filled);
}

/** The bytes of a regular file (or its head). Throws UnreadableFileError with a one-line reason. */
export function readRegularFile(path: string, limits: RegularFileLimits): Buffer {
  let fd: number | null = null;
  try {
    if (limits.root !== null) checkedRealPath(path, limits.root);
    fd = openSync(path, OPEN_FLAGS);
    return readOpen(fd, path, limits);
  } catch (error) {
    throw failure(path, error);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Writes a file whole or not at all (through a temporary file renamed over it). */
export function writeFileAtomically(folder: string, path: string, text: string): void {
  mkdirSync(folder, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
