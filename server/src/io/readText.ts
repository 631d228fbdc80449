// Reading a readout from disk in the encodings readouts come in: UTF-8 (with or without BOM),
// UTF-16 with a BOM, and the Shift_JIS and EUC-JP of older ministry pages. What cannot be read
// as text gets one clear message.

import { readFileSync, statSync } from 'node:fs';

export class UnreadableFileError extends Error {
  constructor(
    message: string,
    /** The system's error code ('ENOENT' for a missing file), when there was one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * The largest readout the corpus reads from disk. The editor copes with a 20 MB readout (see the
 * size tests); a file far over that is a dump or a log, and reading it would only stall the index.
 */
export const READOUT_MAX_BYTES = 32 * 1024 * 1024;

/** WHATWG encoding names, as TextDecoder takes them ('shift_jis' is Windows-31J, as Japanese pages write it). */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp';

export interface DecodedText {
  /** The text without its BOM. */
  readonly text: string;
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
}

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

const LEGACY_ENCODINGS: readonly TextEncodingName[] = ['shift_jis', 'euc-jp'];

/** Kana, kanji and Japanese punctuation: what a right guess between legacy encodings yields most of. */
const JAPANESE = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff60]/gu;
/**
 * What a wrong guess yields: half-width katakana (EUC-JP read as Shift_JIS turns kana into them),
 * C1 controls and private-use characters.
 */
const ODD = /[\uff61-\uff9f\u0080-\u009f\ue000-\uf8ff]/gu;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

/**
 * Decodes strictly, or null when the bytes are not valid in `encoding`. A `partial` buffer (a file's
 * head) may end inside a character: that last character is left out rather than failing.
 */
function decodeStrictly(bytes: Uint8Array, encoding: TextEncodingName, partial = false): string | null {
  try {
    // ignoreBOM keeps a BOM in the text, so that a file with a BOM of another encoding is not read as this one silently.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: partial });
  } catch {
    return null;
  }
}

function bomOf(bytes: Uint8Array): (typeof BOMS)[number] | null {
  return BOMS.find((bom) => bom.bytes.length <= bytes.length && bom.bytes.every((byte, i) => bytes[i] === byte)) ?? null;
}

/** The most plausible legacy Japanese reading of bytes that are not UTF-8, or null when none is. */
function decodeLegacy(bytes: Uint8Array, partial: boolean): DecodedText | null {
  let best: { text: string; encoding: TextEncodingName; score: number } | null = null;
  for (const encoding of LEGACY_ENCODINGS) {
    const text = decodeStrictly(bytes, encoding, partial);
    if (text === null) continue;
    const japanese = count(text, JAPANESE);
    const odd = count(text, ODD);
    // A reading with more odd characters than Japanese ones is binary that happened to decode.
    if (odd > 0 && odd >= japanese) continue;
    const score = japanese - 2 * odd;
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return best && { text: best.text, encoding: best.encoding, bom: false };
}

/**
 * Decodes a file's bytes: a BOM decides; else strict UTF-8; else the likelier of Shift_JIS and EUC-JP.
 * `partial` when the bytes are only the file's head. Throws UnreadableFileError with a one-line reason.
 */
export function decodeText(bytes: Uint8Array, path: string, partial = false): DecodedText {
  const bom = bomOf(bytes);
  const binary = () => new UnreadableFileError(`${path} looks binary (it contains NUL bytes), not a text readout`);
  if (bom) {
    const text = decodeStrictly(bytes.subarray(bom.bytes.length), bom.encoding, partial);
    if (text === null) throw new UnreadableFileError(`${path} starts with a ${bom.encoding.toUpperCase()} BOM but is not valid ${bom.encoding.toUpperCase()} text`);
    // NUL characters after a UTF-16 BOM: UTF-32 or binary behind a lucky first two bytes.
    if (text.includes('\0')) throw binary();
    return { text, encoding: bom.encoding, bom: true };
  }
  if (bytes.includes(0)) throw binary();
  const utf8 = decodeStrictly(bytes, 'utf-8', partial);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', bom: false };
  const legacy = decodeLegacy(bytes, partial);
  if (!legacy) throw new UnreadableFileError(`${path} is not text in UTF-8, UTF-16, Shift_JIS or EUC-JP`);
  return legacy;
}

function readBytes(path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw new UnreadableFileError(`${path} is a folder, not a readout file`);
    return readFileSync(path);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UnreadableFileError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`, code);
  }
}

/** Reads a text file and tells which encoding it was in. Throws UnreadableFileError with a one-line reason. */
export function readTextFileWithEncoding(path: string): DecodedText {
  return decodeText(readBytes(path), path);
}

/** Reads a text file in any supported encoding (a BOM is dropped, as editors do). Throws UnreadableFileError with a one-line reason. */
export function readTextFile(path: string): string {
  return readTextFileWithEncoding(path).text;
}
