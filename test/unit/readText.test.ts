// Reading readouts from disk: each encoding readouts come in is detected and decoded to the
// same text as the UTF-8 original; what is not text gets one clear message.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextEncodingName, UnreadableFileError, readTextFile, readTextFileWithEncoding } from '../../server/src/io/readText';
import { ROOT, seedPath } from './helpers';

const folder = mkdtempSync(join(tmpdir(), 'kaidan-read-'));
const ENCODING_FIXTURES = join(ROOT, 'test', 'fixtures', 'encodings');
const original = readFileSync(seedPath(1), 'utf8');

function fileOf(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('readTextFileWithEncoding: seed 001 in every encoding', () => {
  const cases: { name: string; bytes: () => Uint8Array; encoding: TextEncodingName; bom: boolean }[] = [
    { name: 'UTF-8', bytes: () => new TextEncoder().encode(original), encoding: 'utf-8', bom: false },
    { name: 'UTF-8 with BOM', bytes: () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), new TextEncoder().encode(original)]), encoding: 'utf-8', bom: true },
    { name: 'UTF-16 LE with BOM', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')]), encoding: 'utf-16le', bom: true },
    { name: 'UTF-16 BE with BOM', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(original)]), encoding: 'utf-16be', bom: true },
    { name: 'Shift_JIS', bytes: () => readFileSync(join(ENCODING_FIXTURES, 'seed-001.shift_jis.txt')), encoding: 'shift_jis', bom: false },
    { name: 'EUC-JP', bytes: () => readFileSync(join(ENCODING_FIXTURES, 'seed-001.euc-jp.txt')), encoding: 'euc-jp', bom: false },
  ];
  for (const { name, bytes, encoding, bom } of cases) {
    it(`reads ${name} as the UTF-8 original`, () => {
      const path = fileOf(`seed-001.${encoding}${bom ? '-bom' : ''}.txt`, bytes());
      const decoded = readTextFileWithEncoding(path);
      assert.equal(decoded.encoding, encoding);
      assert.equal(decoded.bom, bom);
      assert.equal(decoded.text, original);
      assert.equal(readTextFile(path), original);
    });
  }

  // A one-line file gives the detector little to go on: every line of the legacy fixtures must still decode right.
  for (const [name, fixture, encoding] of [
    ['Shift_JIS', 'seed-001.shift_jis.txt', 'shift_jis'],
    ['EUC-JP', 'seed-001.euc-jp.txt', 'euc-jp'],
  ] as const) {
    it(`reads each line of the ${name} fixture alone as its UTF-8 original`, () => {
      const bytes = readFileSync(join(ENCODING_FIXTURES, fixture));
      const encodedLines = splitBytesOnLf(bytes);
      const originalLines = original.split('\n');
      assert.equal(encodedLines.length, originalLines.length);
      encodedLines.forEach((line, i) => {
        const decoded = readTextFileWithEncoding(fileOf(`line-${i}.${encoding}.txt`, line));
        assert.equal(decoded.text, originalLines[i], `line ${i + 1}`);
        // ASCII-only lines are valid UTF-8 too.
        if (!/^[\p{ASCII}]*$/u.test(originalLines[i])) assert.equal(decoded.encoding, encoding, `line ${i + 1}`);
      });
    });
  }
});

/** LF is a single ASCII byte in Shift_JIS and EUC-JP, so splitting on it never cuts a character. */
function splitBytesOnLf(bytes: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, i));
    start = i + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
}

describe('readTextFile on what is not a readout', () => {
  for (const [name, make, message] of [
    ['a missing file', () => join(folder, 'missing.txt'), /no such file/],
    ['a folder', () => folder, /is a folder/],
    ['a binary file', () => fileOf('binary.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])), /binary/],
    // UTF-32 LE starts with the UTF-16 LE BOM; its NUL characters give it away.
    ['UTF-32 behind a UTF-16 BOM', () => fileOf('utf32.txt', Buffer.from([0xff, 0xfe, 0, 0, 0x65, 0x51, 0, 0])), /binary/],
    ['a UTF-16 BOM before an odd number of bytes', () => fileOf('utf16-odd.txt', Buffer.from([0xff, 0xfe, 0x65, 0x51, 0x65])), /UTF-16LE BOM but is not valid/],
    // 0xFD–0xFF lead nothing in Shift_JIS, and 0xFD 0xFE is unassigned in EUC-JP.
    ['bytes that no supported encoding decodes', () => fileOf('undecodable.txt', Buffer.from([0x93, 0xfa, 0xfd, 0xfe, 0xff])), /not text in UTF-8, UTF-16, Shift_JIS or EUC-JP/],
    // Latin-1 'Café résumé': valid in neither UTF-8 nor the Japanese encodings.
    ['Latin-1 text', () => fileOf('latin1.txt', Buffer.from('Café résumé\n', 'latin1')), /not text in/],
  ] as const) {
    it(`rejects ${name} with a one-line reason`, () => {
      const path = make();
      assert.throws(() => readTextFile(path), (error: unknown) => error instanceof UnreadableFileError && message.test(error.message) && !error.message.includes('\n'));
    });
  }
});
