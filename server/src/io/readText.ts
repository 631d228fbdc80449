// Reading a readout from disk: one clear message for what cannot be read as text.

import { readFileSync, statSync } from 'node:fs';

export class UnreadableFileError extends Error {}

/** Reads a UTF-8 text file (a BOM is dropped, as editors do). Throws UnreadableFileError with a one-line reason. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new UnreadableFileError(`${path} is a folder, not a readout file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`);
  }
  if (bytes.includes(0)) throw new UnreadableFileError(`${path} looks binary (it contains NUL bytes), not a text readout`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(`${path} is not valid UTF-8 text`);
  }
}
